package fr.bilan.support.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.minio.MinioClient;

/**
 * A service told nowhere to keep its data does not start, and says which setting it needs; the
 * embedded stand-ins count only where asked for and present. The build's tests opt in (surefire's
 * bilan.embedded.enabled=true), so each case here sets the opt-in itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreCheckAutoConfiguration.class));

    @Test
    void refusesToStartWithNoStoreConfiguredNamingEverySettingItNeeds() {
        runner.withPropertyValues("bilan.embedded.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            StoreNotConfigured refusal = refusal(context.getStartupFailure());
            assertThat(refusal).hasMessageContaining("no MongoDB and S3 object store configured");
            assertThat(refusal.action()).contains("spring.mongodb.uri (environment variable SPRING_MONGODB_URI)",
                    "bilan.storage.s3.endpoint (environment variable BILAN_STORAGE_S3_ENDPOINT)");
        });
    }

    @Test
    void aServiceWithoutObjectStorageNeedsMongoDbOnly() {
        runner.withClassLoader(new FilteredClassLoader(MinioClient.class)).withPropertyValues("bilan.embedded.enabled=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    StoreNotConfigured refusal = refusal(context.getStartupFailure());
                    assertThat(refusal).hasMessageContaining("no MongoDB configured");
                    assertThat(refusal.action()).contains("spring.mongodb.uri").doesNotContain("bilan.storage.s3");
                });
        runner.withClassLoader(new FilteredClassLoader(MinioClient.class))
                .withPropertyValues("bilan.embedded.enabled=false", "spring.mongodb.uri=mongodb://db.internal/bilan")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startsWhenEveryStoreIsConfigured() {
        runner.withPropertyValues("bilan.embedded.enabled=false", "spring.mongodb.uri=mongodb://db.internal/bilan",
                "bilan.storage.s3.endpoint=https://s3.example.invalid").run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("bilan.embedded.enabled=false", "spring.mongodb.host=db.internal",
                "bilan.storage.s3.endpoint=https://s3.example.invalid").run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("bilan.embedded.enabled=false", "spring.mongodb.uri=mongodb://db.internal/bilan")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .hasMessageContaining("no S3 object store configured"));
    }

    @Test
    void theStandInsServeOnlyALocalRunThatOptedIn() {
        runner.withPropertyValues("bilan.embedded.enabled=true").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theOptInWithoutTheStandInsOnTheClassPathIsRefusedToo() {
        for (String stores : new String[] {"", "spring.mongodb.uri=mongodb://db.internal/bilan"}) {
            runner.withClassLoader(new FilteredClassLoader("fr.bilan.embedded."))
                    .withPropertyValues("bilan.embedded.enabled=true", stores).run(context -> {
                        assertThat(context).hasFailed();
                        StoreNotConfigured refusal = refusal(context.getStartupFailure());
                        assertThat(refusal).hasMessageContaining("bilan.embedded.enabled is true, but the embedded "
                                + "stand-ins (module embedded-stores) are not on this service's class path");
                        assertThat(refusal.action()).contains("BILAN_EMBEDDED_ENABLED", "spring.mongodb.uri");
                    });
        }
    }

    @Test
    void theRefusalIsReportedAsWhatToSetWithoutAStackTrace(CapturedOutput output) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off");

        // a command-line argument, as an operator would give it: above surefire's opt-in
        assertThatThrownBy(() -> service.run("--bilan.embedded.enabled=false").close())
                .isInstanceOf(StoreNotConfigured.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:",
                "This service has no MongoDB and S3 object store configured", "Action:",
                "spring.mongodb.uri (environment variable SPRING_MONGODB_URI)").doesNotContain("\tat ");
    }

    private static StoreNotConfigured refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreNotConfigured refusal) {
                return refusal;
            }
        }
        throw new AssertionError("not a refusal to start without a store", failure);
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(StoreCheckAutoConfiguration.class)
    static class Service {
    }
}
