package fr.bilan.synthesis.storage;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.synthesis.vault.Sealing;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * Encrypted documents and the orphan sweep. The sweep needs the synthesis repository's
 * {@link RecordedObjects}; it looks it up at each run through an {@link ObjectProvider} rather than
 * being conditional on the bean ({@code @ConditionalOnBean} in a user configuration depends on the
 * order bean definitions are registered in, and silently drops the sweep when the repository comes
 * later): the service starts without one, says so once, and the sweep starts removing as soon as a
 * {@link RecordedObjects} bean exists, with no wiring to add.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OrphanProperties.class)
class StorageConfiguration {

    /** ShedLock's collection, the one service-support's outbox relays lock in too (a lock name each). */
    private static final String LOCK_COLLECTION = "shedlock";
    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    EncryptedDocuments encryptedDocuments(ObjectStorage storage, Sealing sealing, MeterRegistry registry) {
        return new EncryptedDocuments(storage, sealing, registry);
    }

    /** Its lock provider is its own, not a bean: no clash with a service's other {@code LockProvider}. */
    @Bean
    OrphanObjects orphanObjects(ObjectStorage storage, ObjectProvider<RecordedObjects> recorded, MongoDatabase database,
            OrphanProperties properties, Clock clock, MeterRegistry registry) {
        var locks = new DefaultLockingTaskExecutor(new MongoLockProvider(database.getCollection(LOCK_COLLECTION)));
        return new OrphanObjects(storage, recorded, locks, properties, clock, registry);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> orphanSweepNotice(OrphanObjects orphans) {
        return ready -> {
            if (!orphans.active()) {
                log.warn("Orphan object sweep idle: no RecordedObjects bean tells which objects a stored version "
                        + "records, so objects left by failed finalisations stay in the bucket");
            }
        };
    }
}
