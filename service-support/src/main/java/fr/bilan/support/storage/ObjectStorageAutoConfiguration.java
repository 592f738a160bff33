package fr.bilan.support.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;

/**
 * The MinIO client on the configured S3 endpoint (the embedded stand-in brings its own client where a
 * local run opted in; with neither, the service does not start, see StoreCheck), and the eraser that destroys objects for good. Only services that hold documents have the MinIO client
 * on their classpath; they also need resilience4j's rate limiter, which paces the eraser.
 */
@AutoConfiguration
@ConditionalOnClass(MinioClient.class)
@EnableConfigurationProperties({ObjectStorageProperties.class, ObjectEraserProperties.class})
public class ObjectStorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MinioClient minioClient(ObjectStorageProperties properties) {
        return MinioClient.builder()
                .endpoint(properties.getEndpoint())
                .region(properties.getRegion())
                .credentials(properties.getAccessKey(), properties.getSecretKey())
                .build();
    }

    @Bean
    ObjectStorage objectStorage(MinioClient client, ObjectStorageProperties properties) {
        ObjectStorage storage = new ObjectStorage(client, properties.getBucket());
        storage.ensureBucket();
        return storage;
    }

    /** Every holder erases its own objects (retention-service's purge asks it to), paced alike. */
    @Bean
    ObjectEraser objectEraser(MinioClient client, ObjectEraserProperties properties, MeterRegistry registry) {
        return new ObjectEraser(client, properties.maxRequestsPerSecond(), registry);
    }

    @Bean
    ObjectStorageHealthIndicator objectStorageHealthIndicator(ObjectStorage storage) {
        return new ObjectStorageHealthIndicator(storage);
    }
}
