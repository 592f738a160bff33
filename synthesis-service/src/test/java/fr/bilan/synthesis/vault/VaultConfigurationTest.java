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
    void startsWithAKeyringOfTwoAndNeverShowsAKey() {
        String k1 = Base64.getEncoder().encodeToString(TestKeys.random32());
        String k2 = Base64.getEncoder().encodeToString(TestKeys.random32());
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.fr-par.example",
                "bilan.synthesis.encryption.master-key-id=k2",
                "bilan.synthesis.encryption.master-keys[0].id=k1", "bilan.synthesis.encryption.master-keys[0].key=" + k1,
                "bilan.synthesis.encryption.master-keys[1].id=k2", "bilan.synthesis.encryption.master-keys[1].key=" + k2)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Sealing.class).hasSingleBean(DataKeys.class);
                    assertThat(context.getBean(MasterKeys.class).currentId()).isEqualTo("k2");
                    assertThat(context.getBean(MasterKeys.class).ids()).containsExactlyInAnyOrder("k1", "k2");
                    EncryptionProperties properties = context.getBean(EncryptionProperties.class);
                    assertThat(properties.toString()).contains("k1", "k2").doesNotContain(k1, k2);
                });
    }

    @Test
    void doesNotStartWhenTheCurrentIdHasNoKey() {
        runner.withPropertyValues("bilan.storage.s3.endpoint=https://s3.fr-par.example",
                "bilan.synthesis.encryption.master-key-id=k2", "bilan.synthesis.encryption.master-keys[0].id=k1",
                "bilan.synthesis.encryption.master-keys[0].key=" + Base64.getEncoder().encodeToString(TestKeys.random32()))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("master-key-id is k2, but no master key has that id");
                });
    }

    /** The chart's shape: the ids as plain variables keep their case, the keys come from Secrets. */
    @Test
    void readsTheKeyringFromEnvironmentVariablesAsTheChartSetsThem() {
        byte[] k1 = TestKeys.random32();
        byte[] k2 = TestKeys.random32();
        Map<String, Object> environment = Map.of("BILAN_STORAGE_S3_ENDPOINT", "https://s3.fr-par.example",
                "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID", "Rot-2027_01",
                "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_ID", "k1",
                "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_KEY", Base64.getEncoder().encodeToString(k1),
                "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_ID", "Rot-2027_01",
                "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_KEY", Base64.getEncoder().encodeToString(k2));
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MasterKeys keys = context.getBean(MasterKeys.class);
                    assertThat(keys.currentId()).isEqualTo("Rot-2027_01");
                    String bilan = TestKeys.bilan();
                    MasterKeys.Wrapped byK1 = TestKeys.only("k1", k1).wrap(bilan, MasterKeys.aes(k2, "test"));
                    assertThat(keys.unwrap(bilan, byK1).getEncoded()).isEqualTo(k2);
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
