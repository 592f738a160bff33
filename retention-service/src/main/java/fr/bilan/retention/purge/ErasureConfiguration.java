package fr.bilan.retention.purge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.support.storage.ObjectEraser;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;

/** The purge's eraser, paced by {@code bilan.storage.erase.max-requests-per-second}. */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    @Bean
    ObjectEraser objectEraser(MinioClient client, MeterRegistry registry,
            @Value("${bilan.storage.erase.max-requests-per-second:20}") int maxRequestsPerSecond) {
        return new ObjectEraser(client, maxRequestsPerSecond, registry);
    }
}
