package fr.bilan.support.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import fr.bilan.embedded.EmbeddedS3AutoConfiguration;
import fr.bilan.embedded.EmbeddedS3Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ObjectStorageAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedS3AutoConfiguration.class, ObjectStorageAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aLocalRunThatOptedInStoresInTheEmbeddedServerAndCreatesTheBucket(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.enabled=true", "bilan.embedded.data-dir=" + dataDir,
                "bilan.storage.s3.bucket=bilan-test")
                .run(context -> {
                    assertThat(context).hasSingleBean(EmbeddedS3Server.class);
                    assertThat(context.getBean(ObjectStorage.class).bucketExists()).isTrue();
                });
        assertThat(dataDir.resolve("s3").resolve("bilan-test")).isDirectory();
    }

    @Test
    void usesTheConfiguredEndpointAndStartsNothing() throws Exception {
        try (EmbeddedS3Server external = EmbeddedS3Server.startInMemory()) {
            runner.withPropertyValues("bilan.embedded.enabled=true",
                    "bilan.storage.s3.endpoint=" + external.endpoint(),
                    "bilan.storage.s3.access-key=" + external.accessKey(),
                    "bilan.storage.s3.secret-key=" + external.secretKey(),
                    "bilan.storage.s3.bucket=elsewhere")
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedS3Server.class);
                        assertThat(context.getBean(ObjectStorage.class).bucketExists()).isTrue();
                    });
        }
    }

    @Test
    void everyServiceWithAStoreGetsAnEraserPacedAt20RequestsASecondByDefault() {
        ApplicationContextRunner inMemory = runner.withPropertyValues("bilan.embedded.enabled=true",
                "bilan.embedded.store=memory");
        inMemory.run(context -> {
            assertThat(context).hasSingleBean(ObjectEraser.class);
            assertThat(context.getBean(ObjectEraserProperties.class).maxRequestsPerSecond()).isEqualTo(20);
        });
        inMemory.withPropertyValues("bilan.storage.erase.max-requests-per-second=0")
                .run(context -> assertThat(context.getBean(ObjectEraserProperties.class).maxRequestsPerSecond()).isZero());
        inMemory.withPropertyValues("bilan.storage.erase.max-requests-per-second=-1")
                .run(context -> assertThat(context).hasFailed());
    }
}
