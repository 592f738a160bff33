package fr.bilan.synthesis.vault;

import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.stores.EmbeddedStoreSettings;
import fr.bilan.support.storage.ObjectStorageProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The keyring of master keys (checked at start: the service does not start with a missing or malformed
 * key, nor without a key under the current id, on a real S3 store), the bilans' data keys, and sealing
 * with them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EncryptionProperties.class, ObjectStorageProperties.class, EmbeddedStoreSettings.class})
class VaultConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    @Bean
    MasterKeys masterKeys(EncryptionProperties encryption, ObjectStorageProperties s3, EmbeddedStoreSettings embedded) {
        return MasterKeySource.resolve(encryption, !StringUtils.hasText(s3.getEndpoint()), embedded);
    }

    @Bean
    DataKeys dataKeys(MongoDatabase database, MasterKeys masterKeys, Clock clock) {
        return new DataKeys(database, masterKeys, clock);
    }

    @Bean
    Sealing sealing(DataKeys dataKeys, MeterRegistry registry) {
        return new Sealing(dataKeys, registry);
    }

    /**
     * At each start, in the background: names the master keys that wrapped stored data keys but are
     * missing from the keyring (their documents do not open), then rewraps under the current key the
     * data keys nobody reads that an older key of the keyring wraps: once it logs 0 and
     * {@code assessment_keys} holds no key wrapped by an older id, that key can leave the keyring.
     * Every replica may run it at once: each rewrap is conditional on the wrapping it read.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> masterKeyRewrap(MasterKeys masterKeys, DataKeys dataKeys) {
        return ready -> {
            Thread rewrap = new Thread(() -> {
                try {
                    Set<String> unknown = dataKeys.unknownMasterKeyIds();
                    if (!unknown.isEmpty()) {
                        log.error("Data keys are wrapped by master keys {} missing from the keyring {}: the documents of "
                                + "those bilans cannot be opened until the keys are back in "
                                + "bilan.synthesis.encryption.master-keys", unknown, masterKeys.ids());
                    }
                    if (masterKeys.ids().size() > 1) {
                        log.info("{} data key(s) rewrapped to the current master key {}", dataKeys.rewrapToCurrent(),
                                masterKeys.currentId());
                    }
                } catch (RuntimeException e) {
                    log.error("Checking or rewrapping the data keys failed; keys are still rewrapped when read", e);
                }
            }, "master-key-rewrap");
            rewrap.setDaemon(true);
            rewrap.start();
        };
    }
}
