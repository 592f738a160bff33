package fr.bilan.support.outbox;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Hands an outbox's entries over at least once, losing none: an entry stays pending (its
 * {@link OutboxMarker}) until the receiver acknowledges it, which the receiver does once per event
 * id whatever the redeliveries. Each run (every {@code bilan.outbox.poll-interval}, scheduled by
 * {@link OutboxRelays}, on one replica at a time: a ShedLock lock in the service's database)
 * delivers what is due, in the order and under the conditions the outbox's {@link Deliveries} set,
 * one {@link OutboxDelivery} at a time.
 */
public final class OutboxRelay {

    /** What one outbox delivers in a run: its due entries, each through {@link RelayRun#deliver}. */
    @FunctionalInterface
    public interface Deliveries {

        void deliverDue(RelayRun run);
    }

    private final String lock;
    private final Deliveries deliveries;
    private final OutboxDelivery delivery;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRelay(String lock, Deliveries deliveries, OutboxDelivery delivery, LockingTaskExecutor locks,
            OutboxProperties properties, Clock clock) {
        this.lock = lock;
        this.deliveries = deliveries;
        this.delivery = delivery;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    void poll() {
        // the lock is about real time between replicas, whatever the application's clock says: a lock
        // taken while a test's clock stood a month ahead would otherwise be held for that month
        locks.executeWithLock((Runnable) () -> deliveries.deliverDue(new RelayRun(delivery, properties, clock)),
                new LockConfiguration(ClockProvider.now(), lock, properties.lockAtMostFor(), Duration.ZERO));
    }
}
