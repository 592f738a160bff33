package fr.bilan.synthesis.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.storage.ObjectStorage.ObjectStorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.errors.MinioException;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * A finalisation uploads the PDF, then records its version in MongoDB; without transactions across
 * the two, a crash in between leaves an object nobody records. This sweep lists every object under
 * {@code assessments/} (page by page, recursively) and removes those older than the grace that
 * {@link RecordedObjects} does not know: the finalisation failed, its draft is still a draft, the
 * object is garbage. One replica at a time (a ShedLock lock in the service's database); removals are
 * counted in {@code bilan.synthesis.orphan.objects.removed} and logged by key (ids only).
 * <p>
 * Ages compare the store's last-modified time with the application's clock: both are real time in
 * production (a skew of seconds is nothing against the grace), and tests move the clock.
 */
public final class OrphanObjects {

    public static final String REMOVED = "bilan.synthesis.orphan.objects.removed";
    static final String LOCK = "synthesis-orphan-objects";
    /** Objects a listing request returns at most (S3's own maximum). */
    private static final int PAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(OrphanObjects.class);

    private final ObjectStorage storage;
    private final RecordedObjects recorded;
    private final LockingTaskExecutor locks;
    private final OrphanProperties properties;
    private final Clock clock;
    private final Counter removals;
    private final int page;

    public OrphanObjects(ObjectStorage storage, RecordedObjects recorded, LockingTaskExecutor locks,
            OrphanProperties properties, Clock clock, MeterRegistry registry) {
        this(storage, recorded, locks, properties, clock, registry, PAGE);
    }

    /** @param page objects a listing request returns at most */
    OrphanObjects(ObjectStorage storage, RecordedObjects recorded, LockingTaskExecutor locks,
            OrphanProperties properties, Clock clock, MeterRegistry registry, int page) {
        this.page = page;
        this.storage = storage;
        this.recorded = recorded;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
        this.removals = Counter.builder(REMOVED)
                .description("Objects removed because no stored version records them (a finalisation that failed)")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${bilan.synthesis.orphans.interval:5m}",
            fixedDelayString = "${bilan.synthesis.orphans.interval:5m}")
    void scheduled() {
        sweep();
    }

    /**
     * One sweep, unless another replica runs one: the number of objects removed.
     */
    public int sweep() {
        AtomicInteger removed = new AtomicInteger();
        // the lock is about real time between replicas, whatever the application's clock says
        locks.executeWithLock((Runnable) () -> removed.set(removeOrphans()),
                new LockConfiguration(ClockProvider.now(), LOCK, properties.interval().multipliedBy(2), Duration.ZERO));
        return removed.get();
    }

    private int removeOrphans() {
        Instant bornBefore = clock.instant().minus(properties.grace());
        int removed = 0;
        Iterable<Result<Item>> listing = storage.client().listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix(ObjectKeys.ROOT).recursive(true).maxKeys(page).build());
        try {
            for (Result<Item> result : listing) {
                Item item = result.get();
                Instant modified = item.lastModified().toInstant();
                if (item.isDir() || !modified.isBefore(bornBefore) || recorded.isRecorded(item.objectName())) {
                    continue;
                }
                storage.client().removeObject(
                        RemoveObjectArgs.builder().bucket(storage.bucket()).object(item.objectName()).build());
                removals.increment();
                removed++;
                log.info("Removed orphan object {} (uploaded {}, no stored version records it)",
                        ObjectKeys.loggable(item.objectName()), modified);
            }
        } catch (MinioException e) {
            throw new ObjectStorageException("Orphan sweep of " + storage.bucket() + " stopped after " + removed
                    + " removal(s)", e);
        }
        return removed;
    }
}
