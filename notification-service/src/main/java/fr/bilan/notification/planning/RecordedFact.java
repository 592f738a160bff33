package fr.bilan.notification.planning;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact as delivered.
 *
 * @param eventId   the producer's idempotency key: of the fact, and of every message it plans
 * @param occurTime when it happened at the producer: an agreement's older fact changes nothing
 */
public record RecordedFact(String eventId, Instant occurTime, Fact fact) {

    public RecordedFact {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(occurTime);
        Objects.requireNonNull(fact);
    }
}
