package fr.bilan.synthesis.storage;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.synthesis.vault.Sealing;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Encrypted documents and the orphan sweep, which asks the synthesis repository what it records. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OrphanProperties.class)
class StorageConfiguration {

    /** ShedLock's collection, the one service-support's outbox relays lock in too (a lock name each). */
    private static final String LOCK_COLLECTION = "shedlock";

    @Bean
    EncryptedDocuments encryptedDocuments(ObjectStorage storage, Sealing sealing, MeterRegistry registry) {
        return new EncryptedDocuments(storage, sealing, registry);
    }

    /** Its lock provider is its own, not a bean: no clash with a service's other {@code LockProvider}. */
    @Bean
    OrphanObjects orphanObjects(ObjectStorage storage, RecordedObjects recorded, MongoDatabase database,
            OrphanProperties properties, Clock clock, MeterRegistry registry) {
        var locks = new DefaultLockingTaskExecutor(new MongoLockProvider(database.getCollection(LOCK_COLLECTION)));
        return new OrphanObjects(storage, recorded, locks, properties, clock, registry);
    }
}
