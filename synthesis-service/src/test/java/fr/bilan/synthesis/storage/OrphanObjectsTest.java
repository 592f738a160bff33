package fr.bilan.synthesis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

class OrphanObjectsTest extends StorageTestSupport {

    /** What the synthesis repository would say: the keys a test records. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    @Autowired
    private EncryptedDocuments documents;
    @Autowired
    private OrphanProperties properties;
    @Autowired
    private MeterRegistry registry;

    private final String bilan = newId();
    private OrphanObjects orphans;

    /** Other tests leave objects nobody recorded: each sweep here starts from an empty {@code assessments/}. */
    @BeforeEach
    void emptyTheBucket() throws Exception {
        orphans = new OrphanObjects(storage, known::contains, locks(), properties, clock, registry);
        for (String key : listed()) {
            storage.client().removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        }
    }

    @Test
    void keepsARecordedObjectHoweverOld() {
        String recorded = upload();
        known.add(recorded);
        clock.set(Instant.now().plus(Duration.ofDays(30)));

        assertThat(orphans.sweep()).isZero();

        assertThat(listed()).containsExactly(recorded);
    }

    @Test
    void keepsAnUnrecordedObjectWithinItsGrace() {
        String young = upload();
        clock.set(Instant.now().plus(properties.grace()).minus(Duration.ofMinutes(1)));

        assertThat(orphans.sweep()).isZero();

        assertThat(listed()).containsExactly(young);
    }

    @Test
    void removesAnUnrecordedObjectPastItsGraceAndCountsIt() throws Exception {
        String recorded = upload();
        known.add(recorded);
        String orphan = upload();
        putRaw("probe/" + newId(), new byte[] {1}, Map.of());
        double before = registry.get(OrphanObjects.REMOVED).counter().count();
        clock.set(Instant.now().plus(properties.grace()).plus(Duration.ofMinutes(1)));

        assertThat(orphans.sweep()).isEqualTo(1);

        assertThat(listed()).containsExactly(recorded).doesNotContain(orphan);
        assertThat(registry.get(OrphanObjects.REMOVED).counter().count()).isEqualTo(before + 1);
        assertThat(orphans.sweep()).isZero();
    }

    @Test
    void sweepsEveryPageOfTheListing() {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String key = upload();
            if (i % 3 == 0) {
                known.add(key);
                kept.add(key);
            }
        }
        OrphanObjects smallPages = new OrphanObjects(storage, known::contains, locks(), properties, clock, registry, 2);
        clock.set(Instant.now().plus(Duration.ofDays(1)));

        assertThat(smallPages.sweep()).isEqualTo(4);

        assertThat(listed()).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void doesNotSweepWhileAnotherReplicaDoes() {
        String orphan = upload();
        clock.set(Instant.now().plus(Duration.ofDays(1)));
        SimpleLock otherReplica = new MongoLockProvider(database.getCollection("shedlock"))
                .lock(new LockConfiguration(Instant.now(), OrphanObjects.LOCK, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow();

        assertThat(orphans.sweep()).isZero();
        assertThat(listed()).containsExactly(orphan);

        otherReplica.unlock();
        assertThat(orphans.sweep()).isEqualTo(1);
    }

    private String upload() {
        String key = ObjectKeys.synthesis(bilan, newId());
        documents.put(bilan, key, pdf(100));
        return key;
    }

    private List<String> listed() {
        List<String> keys = new ArrayList<>();
        for (Result<Item> result : storage.client().listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix(ObjectKeys.ROOT).recursive(true).build())) {
            try {
                keys.add(result.get().objectName());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private DefaultLockingTaskExecutor locks() {
        return new DefaultLockingTaskExecutor(new MongoLockProvider(database.getCollection("shedlock")));
    }
}
