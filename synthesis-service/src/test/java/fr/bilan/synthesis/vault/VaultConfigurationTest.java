package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
                    EncryptionProperties properties = context.getBean(EncryptionProperties.class);
                    assertThat(properties.retiredMasterKeys()).containsOnlyKeys("k1");
                    assertThat(properties.toString()).doesNotContain(current, retired);
                });
    }

    @Test
    void readsTheKeysFromEnvironmentVariablesAsAKubernetesSecretGivesThem() {
        byte[] current = TestKeys.random32();
        byte[] retired = TestKeys.random32();
        Map<String, Object> environment = Map.of("BILAN_STORAGE_S3_ENDPOINT", "https://s3.fr-par.example",
                "BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY", Base64.getEncoder().encodeToString(current),
                "BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY_ID", "k2",
                "BILAN_SYNTHESIS_ENCRYPTION_RETIREDMASTERKEYS_K1", Base64.getEncoder().encodeToString(retired));
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MasterKeys keys = context.getBean(MasterKeys.class);
                    assertThat(keys.currentId()).isEqualTo("k2");
                    String bilan = TestKeys.bilan();
                    MasterKeys.Wrapped byRetired = TestKeys.only("k1", retired).wrap(bilan, MasterKeys.aes(current, "test"));
                    assertThat(keys.unwrap(bilan, byRetired).getEncoded()).isEqualTo(current);
                });
    }

    @Test
    void generatesAKeyForTheEmbeddedStore() {
        runner.withPropertyValues("bilan.embedded.store=memory").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MasterKeys.class);
            assertThat(context.getBean(MasterKeys.class).currentId()).isEqualTo("k1");
        });
    }
}
