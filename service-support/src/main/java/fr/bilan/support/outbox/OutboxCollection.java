package fr.bilan.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The documents of one collection that carry an {@link OutboxMarker}: the relay's writes to the
 * marker, and what the metrics read. Writes touch the marker only, and only while the entry is
 * pending, so a late write cannot bring back a delivered entry.
 *
 * @param eventTimeField when the entry was made (a top-level or dotted field holding a date): how
 *                       long the oldest pending entry has waited is counted from it
 */
public record OutboxCollection(MongoCollection<Document> documents, OutboxMarker marker, String eventTimeField) {

    /** Matches the entries still to deliver. */
    public Bson pending() {
        return Filters.eq(marker.pending(), true);
    }

    /**
     * At most {@code limit} pending entries whose next attempt is due at {@code runStart}, those
     * waiting longest first, read through {@code projection}.
     */
    List<Document> due(Instant runStart, Bson projection, int limit) {
        return documents.find(Filters.and(pending(), Filters.lte(marker.nextAttemptTime(), Date.from(runStart))))
                .sort(Sorts.ascending(marker.nextAttemptTime(), "_id"))
                .projection(projection)
                .limit(limit)
                .into(new ArrayList<>());
    }

    void delivered(PendingEntry entry, Instant now) {
        documents.updateOne(stillPending(entry),
                Updates.combine(Updates.unset(marker.pending()), Updates.set(marker.deliveredTime(), Date.from(now))));
    }

    /** Several entries acknowledged by one call: one write. */
    void delivered(List<PendingEntry> delivered, Instant now) {
        documents.updateMany(Filters.or(delivered.stream().map(this::stillPending).toList()),
                Updates.combine(Updates.unset(marker.pending()), Updates.set(marker.deliveredTime(), Date.from(now))));
    }

    void failed(PendingEntry entry, int attempts, Instant now, Duration backoff, String status) {
        documents.updateOne(stillPending(entry),
                Updates.combine(Updates.set(marker.attempts(), attempts),
                        Updates.set(marker.lastAttemptTime(), Date.from(now)),
                        Updates.set(marker.nextAttemptTime(), Date.from(now.plus(backoff))),
                        Updates.set(marker.lastStatus(), status)));
    }

    private Bson stillPending(PendingEntry entry) {
        return Filters.and(Filters.eq("_id", entry.id()), pending(), entry.unchanged());
    }

    long pendingCount() {
        return documents.countDocuments(pending());
    }

    /** When the oldest pending entry was made; empty when nothing waits. */
    Optional<Instant> oldestPendingTime() {
        return Optional.ofNullable(documents.find(pending())
                        .sort(Sorts.ascending(eventTimeField))
                        .projection(Projections.include(eventTimeField))
                        .limit(1)
                        .first())
                .map(document -> document.getEmbedded(List.of(eventTimeField.split("\\.")), Date.class)
                        .toInstant());
    }
}
