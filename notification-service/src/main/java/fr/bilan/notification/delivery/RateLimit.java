package fr.bilan.notification.delivery;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces the messages handed to the mail server: one every {@code 1 / rate} second, in real time
 * (whatever the application's clock says), with no burst after a pause, so that a backlog (the relay
 * back after an outage) never floods the relay past what it accepts.
 */
final class RateLimit {

    /** Waits the given nanoseconds. */
    @FunctionalInterface
    interface Sleeper {

        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long next = Long.MIN_VALUE;

    RateLimit(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond));
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static RateLimit perSecond(double rate) {
        return new RateLimit(rate, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /**
     * Returns when the next message may go.
     *
     * @throws InterruptedException when the wait was interrupted (the application stops)
     */
    synchronized void acquire() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (next != Long.MIN_VALUE && next - now > 0) {
            sleeper.sleep(next - now);
            now = next;
        }
        next = now + intervalNanos;
    }
}
