package fr.bilan.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.notification.delivery.*}: how the dispatcher sends the due messages.
 *
 * @param interval       pause between two runs (one replica runs at a time)
 * @param batchSize      how many due messages a run reads at once
 * @param ratePerSecond  at most this many messages handed to the mail server per second
 * @param initialBackoff wait after a first temporary failure, doubling with each failure in a row
 * @param maxBackoff     the longest wait between two tries
 * @param giveUpAfter    a message still refused for now this long after it was due is recorded as failed
 * @param lockAtMostFor  how long the run's lock outlives a replica that died holding it; a run stops
 *                       itself after half of it
 */
@ConfigurationProperties("bilan.notification.delivery")
public record DeliveryProperties(Duration interval, int batchSize, double ratePerSecond, Duration initialBackoff,
        Duration maxBackoff, Duration giveUpAfter, Duration lockAtMostFor) {

    private static final String PREFIX = "bilan.notification.delivery.";

    public DeliveryProperties {
        List<String> problems = new ArrayList<>();
        positive(problems, "interval", interval);
        positive(problems, "initial-backoff", initialBackoff);
        positive(problems, "max-backoff", maxBackoff);
        positive(problems, "give-up-after", giveUpAfter);
        positive(problems, "lock-at-most-for", lockAtMostFor);
        if (batchSize < 1) {
            problems.add(PREFIX + "batch-size must be 1 or more, not " + batchSize);
        }
        if (!(ratePerSecond > 0)) {
            problems.add(PREFIX + "rate-per-second must be more than 0, not " + ratePerSecond);
        }
        if (problems.isEmpty() && maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add(PREFIX + "max-backoff (" + maxBackoff + ") must be at least initial-backoff (" + initialBackoff + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(PREFIX + name + " must be a positive duration, not " + value);
        }
    }
}
