package fr.bilan.beneficiary.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.beneficiary.consent.OutboxMarker;

/**
 * The outbox side of the consent ledger ({@code consent_records}): which records still wait for
 * retention-service, and their delivery state. Writes touch the {@code outbox} sub-document
 * ({@link OutboxMarker}) only, and only while the record is pending: what a consent says is never
 * changed here, the ledger stays append-only in substance.
 */
class ConsentOutbox {

    /** A record waiting for delivery, with the failures it met so far. */
    record PendingRecord(ConsentEntry entry, int attempts) {
    }

    private static final String NEXT = "next";

    private final MongoCollection<Document> records;

    ConsentOutbox(MongoDatabase database) {
        this.records = database.getCollection(ConsentRepository.COLLECTION);
    }

    /**
     * Beneficiaries whose oldest pending record may be tried now, the longest waiting first. Only a
     * beneficiary's oldest pending record is ever tried, so only it can wait past its insertion: the
     * latest {@code nextAttemptTime} among a beneficiary's pending records is the one that decides.
     */
    List<String> dueBeneficiaries(Instant now, int limit) {
        return records.aggregate(List.of(
                Aggregates.match(Filters.eq(OutboxMarker.PENDING, true)),
                Aggregates.group("$" + ConsentRepository.BENEFICIARY, Accumulators.max(NEXT, "$" + OutboxMarker.NEXT_ATTEMPT_TIME)),
                Aggregates.match(Filters.lte(NEXT, Date.from(now))),
                Aggregates.sort(Sorts.ascending(NEXT, "_id")),
                Aggregates.limit(limit)))
                .map(group -> group.getString("_id"))
                .into(new ArrayList<>());
    }

    /** The beneficiary's pending records in ledger order, at most {@code limit}. */
    List<PendingRecord> pendingOf(String beneficiaryId, int limit) {
        return records.find(Filters.and(Filters.eq(OutboxMarker.PENDING, true),
                        Filters.eq(ConsentRepository.BENEFICIARY, beneficiaryId)))
                .sort(Sorts.ascending(ConsentRepository.SEQUENCE))
                .limit(limit)
                .map(document -> new PendingRecord(ConsentRepository.toEntry(document),
                        document.get(OutboxMarker.FIELD, Document.class).getInteger("attempts", 0)))
                .into(new ArrayList<>());
    }

    /** The sequence of the beneficiary's record just before {@code sequence}, whatever its state; empty when none. */
    Optional<Long> previousSequence(String beneficiaryId, long sequence) {
        return Optional.ofNullable(records.find(Filters.and(Filters.eq(ConsentRepository.BENEFICIARY, beneficiaryId),
                        Filters.lt(ConsentRepository.SEQUENCE, sequence)))
                .sort(Sorts.descending(ConsentRepository.SEQUENCE))
                .projection(Projections.include(ConsentRepository.SEQUENCE))
                .limit(1)
                .first())
                .map(document -> document.getLong(ConsentRepository.SEQUENCE));
    }

    void delivered(String recordId, Instant now) {
        records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.eq(OutboxMarker.PENDING, true)),
                Updates.combine(Updates.unset(OutboxMarker.PENDING), Updates.set(OutboxMarker.DELIVERED_TIME, Date.from(now))));
    }

    void failed(String recordId, int attempts, Instant now, Duration backoff, String status) {
        records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.eq(OutboxMarker.PENDING, true)),
                Updates.combine(Updates.set(OutboxMarker.ATTEMPTS, attempts),
                        Updates.set(OutboxMarker.LAST_ATTEMPT_TIME, Date.from(now)),
                        Updates.set(OutboxMarker.NEXT_ATTEMPT_TIME, Date.from(now.plus(backoff))),
                        Updates.set(OutboxMarker.LAST_STATUS, status)));
    }

    long pendingCount() {
        return records.countDocuments(Filters.eq(OutboxMarker.PENDING, true));
    }

    /** When the oldest pending record was recorded; empty when nothing waits. */
    Optional<Instant> oldestPendingTime() {
        return Optional.ofNullable(records.find(Filters.eq(OutboxMarker.PENDING, true))
                        .sort(Sorts.ascending(ConsentRepository.RECORD_TIME))
                        .projection(Projections.include(ConsentRepository.RECORD_TIME))
                        .limit(1)
                        .first())
                .map(document -> document.getDate(ConsentRepository.RECORD_TIME).toInstant());
    }
}
