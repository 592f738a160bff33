package fr.bilan.synthesis.vault;

import java.time.Clock;

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
 * The master keys (checked at start: the service does not start with a missing or malformed one on a
 * real S3 store), the bilans' data keys, and sealing with them.
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
     * After a rotation (a new current key, the old one under retired-master-keys), rewraps the data
     * keys nobody reads, in the background: once it logs 0, the retired key can go. Every replica
     * may run it at once: each rewrap is conditional on the wrapping it read.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> retiredMasterKeyRewrap(EncryptionProperties encryption, DataKeys dataKeys) {
        return ready -> {
            if (encryption.retiredMasterKeys().isEmpty()) {
                return;
            }
            Thread rewrap = new Thread(() -> {
                try {
                    log.info("{} data key(s) rewrapped from retired master keys {} to {}", dataKeys.rewrapRetired(),
                            encryption.retiredMasterKeys().keySet(), encryption.masterKeyId());
                } catch (RuntimeException e) {
                    log.error("Rewrapping the data keys from retired master keys failed; keys are still rewrapped "
                            + "when read", e);
                }
            }, "master-key-rewrap");
            rewrap.setDaemon(true);
            rewrap.start();
        };
    }
}
