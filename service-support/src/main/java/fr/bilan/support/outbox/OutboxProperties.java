package fr.bilan.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.outbox.*}: how a service's outbox relays hand their entries over (documented in each
 * service's application.yaml). An outbox may have settings of its own under the same prefix.
 *
 * @param pollInterval   pause between two runs of a relay
 * @param batchSize      at most this many entries tried per run
 * @param initialBackoff wait after a first failure; doubles with each failure in a row
 * @param maxBackoff     the longest wait between two attempts
 * @param callTimeout    deadline of each call
 * @param lockAtMostFor  how long a replica holds a relay's lock if it dies while relaying
 */
@ConfigurationProperties("bilan.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("5s") Duration callTimeout, @DefaultValue("5m") Duration lockAtMostFor) {

    public OutboxProperties {
        require(batchSize > 0, "bilan.outbox.batch-size must be positive");
        require(!initialBackoff.isNegative() && !initialBackoff.isZero(), "bilan.outbox.initial-backoff must be positive");
        require(maxBackoff.compareTo(initialBackoff) >= 0, "bilan.outbox.max-backoff must not be below initial-backoff");
        require(!callTimeout.isNegative() && !callTimeout.isZero(), "bilan.outbox.call-timeout must be positive");
        require(lockAtMostFor.compareTo(callTimeout.multipliedBy(2)) >= 0,
                "bilan.outbox.lock-at-most-for must be at least twice call-timeout");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }
}
