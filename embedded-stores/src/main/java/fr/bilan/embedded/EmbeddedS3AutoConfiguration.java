package fr.bilan.embedded;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.minio.MinioClient;

/**
 * Opted in and with no {@code bilan.storage.s3.endpoint}, a service that holds documents (it has the
 * MinIO client) gets an embedded S3 server and a client of it, which service-support's object
 * storage then uses in place of one built from the endpoint settings.
 */
@AutoConfiguration(beforeName = "fr.bilan.support.storage.ObjectStorageAutoConfiguration")
@ConditionalOnClass(MinioClient.class)
@ConditionalOnProperty(name = EmbeddedStoreProperties.ENABLED, havingValue = "true")
@ConditionalOnExpression("'${bilan.storage.s3.endpoint:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedS3AutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedS3Server embeddedS3Server(EmbeddedStoreProperties properties) {
        return EmbeddedS3Server.start(properties);
    }

    @Bean
    MinioClient minioClient(EmbeddedS3Server server) {
        return server.client();
    }
}
