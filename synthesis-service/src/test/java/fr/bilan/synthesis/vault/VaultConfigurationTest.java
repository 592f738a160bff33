package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the service does at start with the master key settings, before any document is stored. */
class VaultConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(VaultConfiguration.class)
            .withBean(MongoDatabase.class, () -> Mockito.mock(MongoDatabase.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void doesNotStartOnARealS3StoreWithoutAMasterKey() {
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.fr-par.example").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("No master key to encrypt the synthèse documents")
                    .hasMessageContaining("BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY");
        });
    }

    @Test
    void doesNotStartWithAMasterKeyOfTheWrongLength() {
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.fr-par.example",
                "bilan.synthesis.encryption.master-key=" + Base64.getEncoder().encodeToString(new byte[24])).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("decodes to 24 bytes");
        });
    }

    @Test
    void startsWithAConfiguredKeyAndItsRetiredPredecessor() {
        String current = Base64.getEncoder().encodeToString(TestKeys.random32());
        String retired = Base64.getEncoder().encodeToString(TestKeys.random32());
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.fr-par.example",
                "bilan.synthesis.encryption.master-key=" + current, "bilan.synthesis.encryption.master-key-id=k2",
                "bilan.synthesis.encryption.retired-master-keys.k1=" + retired)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Sealing.class).hasSingleBean(DataKeys.class);
                    assertThat(context.getBean(MasterKeys.class).currentId()).isEqualTo("k2");
                    assertThat(context.getBean(EncryptionProperties.class).toString()).doesNotContain(current, retired);
                });
    }

    @Test
    void generatesAKeyForTheEmbeddedStore() {
        runner.withPropertyValues("bilan.embedded.store=memory").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(MasterKeys.class));
    }
}
