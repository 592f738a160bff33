package fr.bilan.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

class EmbeddedS3AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedS3AutoConfiguration.class))
            .withPropertyValues("bilan.embedded.enabled=true");

    @Test
    void servesTheServiceAClientOfAServerStoringUnderTheDataFolder(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.data-dir=" + dataDir).run(context -> {
            EmbeddedS3Server server = context.getBean(EmbeddedS3Server.class);
            assertThat(server.endpoint()).startsWith("http://127.0.0.1:");
            MinioClient client = context.getBean(MinioClient.class);
            client.makeBucket(MakeBucketArgs.builder().bucket("bilan-test").build());
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("bilan-test").build())).isTrue();
        });
        assertThat(dataDir.resolve("s3").resolve("bilan-test")).isDirectory();
    }

    @Test
    void checksRequestSignatures() {
        runner.withPropertyValues("bilan.embedded.store=memory").run(context -> {
            EmbeddedS3Server server = context.getBean(EmbeddedS3Server.class);
            MinioClient intruder = MinioClient.builder().endpoint(server.endpoint())
                    .credentials(server.accessKey(), "not-the-secret").build();
            assertThatThrownBy(() -> intruder.bucketExists(BucketExistsArgs.builder().bucket("any").build()))
                    .isInstanceOf(ErrorResponseException.class);
        });
    }

    @Test
    void startsNothingWhenAnEndpointIsSetOrWithoutTheOptIn() {
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.example.invalid").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedS3Server.class);
            assertThat(context).doesNotHaveBean(MinioClient.class);
        });
        runner.withPropertyValues("bilan.embedded.enabled=false", "bilan.embedded.store=memory")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedS3Server.class));
    }
}
