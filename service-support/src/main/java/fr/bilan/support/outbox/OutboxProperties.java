package fr.bilan.beneficiary.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.outbox.*}: how the relay hands consent records to retention-service (documented in
 * application.yaml).
 *
 * @param pollInterval  pause between two runs of the relay
 * @param batchSize     at most this many records per run (and beneficiaries looked at)
 * @param initialBackoff wait after a first failure; doubles with each failure in a row
 * @param maxBackoff    the longest wait between two attempts
 * @param callTimeout   deadline of each call to retention-service
 * @param lockAtMostFor how long a replica holds the relay's lock if it dies while relaying
 * @param gapGrace      how long a record waits behind a gap in its beneficiary's numbering
 */
@ConfigurationProperties("bilan.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("5s") Duration callTimeout, @DefaultValue("5m") Duration lockAtMostFor,
        @DefaultValue("1m") Duration gapGrace) {

    public OutboxProperties {
        require(batchSize > 0, "bilan.outbox.batch-size must be positive");
        require(!initialBackoff.isNegative() && !initialBackoff.isZero(), "bilan.outbox.initial-backoff must be positive");
        require(maxBackoff.compareTo(initialBackoff) >= 0, "bilan.outbox.max-backoff must not be below initial-backoff");
        require(!callTimeout.isNegative() && !callTimeout.isZero(), "bilan.outbox.call-timeout must be positive");
        require(lockAtMostFor.compareTo(callTimeout.multipliedBy(2)) >= 0,
                "bilan.outbox.lock-at-most-for must be at least twice call-timeout");
        require(!gapGrace.isNegative(), "bilan.outbox.gap-grace must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
