package fr.bilan.support.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long an outbox entry waits after failing {@code n} times in a row: a ceiling that doubles
 * with each failure, from {@code initial} up to {@code max}, and a random wait between half the
 * ceiling and the ceiling ("equal jitter"), so replicas and entries that failed together do not all
 * retry at the same instant, while the wait still grows.
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failures}-th failure in a row (from 1), with a random jitter. */
    public Duration delay(int failures) {
        return delay(failures, ThreadLocalRandom.current().nextDouble());
    }

    /** @param random in [0, 1): 0 waits the whole ceiling, close to 1 about half of it */
    Duration delay(int failures, double random) {
        double ceiling = ceiling(failures).toMillis();
        return Duration.ofMillis(Math.round(ceiling * (1 - random / 2)));
    }

    /** {@code initial × 2^(failures-1)}, at most {@code max}. */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, failures - 1);
        double millis = initial.toMillis() * Math.pow(2, doublings);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
