package fr.bilan.support.storage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

import fr.bilan.support.embedded.EmbeddedS3Server;
import fr.bilan.support.embedded.EmbeddedStoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;

/**
 * The MinIO client on the configured S3 endpoint, or on an embedded S3 server when none is set, and
 * the eraser that destroys objects for good. Only services that hold documents have the MinIO client
 * on their classpath; they also need resilience4j's rate limiter, which paces the eraser.
 */
@AutoConfiguration
@ConditionalOnClass(MinioClient.class)
@EnableConfigurationProperties({ObjectStorageProperties.class, ObjectEraserProperties.class,
        EmbeddedStoreProperties.class})
public class ObjectStorageAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${bilan.storage.s3.endpoint:}'.isBlank()")
    EmbeddedS3Server embeddedS3Server(EmbeddedStoreProperties properties) {
        return EmbeddedS3Server.start(properties);
    }

    @Bean
    MinioClient minioClient(ObjectStorageProperties properties, ObjectProvider<EmbeddedS3Server> embedded) {
        EmbeddedS3Server server = StringUtils.hasText(properties.getEndpoint()) ? null : embedded.getObject();
        return MinioClient.builder()
                .endpoint(server != null ? server.endpoint() : properties.getEndpoint())
                .region(properties.getRegion())
                .credentials(server != null ? server.accessKey() : properties.getAccessKey(),
                        server != null ? server.secretKey() : properties.getSecretKey())
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
