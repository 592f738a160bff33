package fr.bilan.beneficiary.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;

/**
 * The consent outbox ({@code outbox=consent}), the outbox side of the consent ledger
 * ({@code consent_records}): which records still wait for retention-service, in ledger order, as
 * {@link ConsentDeliveries} delivers them. Their delivery state is the records' {@code outbox}
 * marker ({@link ConsentRepository#OUTBOX}), written through {@link #entries()}: what a consent
 * says is never changed here, the ledger stays append-only in substance.
 */
@Component
@EnableConfigurationProperties(GapGraceProperties.class)
class ConsentOutbox implements OutboxDefinition<ConsentOutbox.PendingRecord> {

    /** A record waiting for delivery, with the failures it met so far. */
    record PendingRecord(ConsentEntry entry, int attempts) {

        PendingEntry pending() {
            return new PendingEntry(entry.id(), attempts, "Consent record " + entry.id() + " (beneficiary "
                    + entry.beneficiaryId() + ", sequence " + entry.sequence() + "; the beneficiary's later records wait "
                    + "behind it)");
        }
    }

    private static final String NEXT = "next";

    private final MongoCollection<Document> records;
    private final OutboxCollection entries;
    private final GapGraceProperties gapGrace;
    private final Clock clock;

    ConsentOutbox(MongoDatabase database, GapGraceProperties gapGrace, Clock clock) {
        this.records = database.getCollection(ConsentRepository.COLLECTION);
        this.entries = new OutboxCollection(records, ConsentRepository.OUTBOX, ConsentRepository.RECORD_TIME);
        this.gapGrace = gapGrace;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public PendingRecord read(Document pending) {
        return new PendingRecord(ConsentRepository.toEntry(pending), ConsentRepository.OUTBOX.attemptsOf(pending));
    }

    @Override
    public PendingEntry entry(PendingRecord record) {
        return record.pending();
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        return new ConsentDeliveries(this, receivers, gapGrace.gapGrace(), clock);
    }

    /**
     * Beneficiaries whose oldest pending record may be tried now, the longest waiting first. Only a
     * beneficiary's oldest pending record is ever tried, so only it can wait past its insertion: the
     * latest {@code nextAttemptTime} among a beneficiary's pending records is the one that decides.
     */
    List<String> dueBeneficiaries(Instant now, int limit) {
        return records.aggregate(List.of(
                Aggregates.match(entries.pending()),
                Aggregates.group("$" + ConsentRepository.BENEFICIARY,
                        Accumulators.max(NEXT, "$" + ConsentRepository.OUTBOX.nextAttemptTime())),
                Aggregates.match(Filters.lte(NEXT, Date.from(now))),
                Aggregates.sort(Sorts.ascending(NEXT, "_id")),
                Aggregates.limit(limit)))
                .map(group -> group.getString("_id"))
                .into(new ArrayList<>());
    }

    /** The beneficiary's pending records in ledger order, at most {@code limit}. */
    List<PendingRecord> pendingOf(String beneficiaryId, int limit) {
        return records.find(Filters.and(entries.pending(), Filters.eq(ConsentRepository.BENEFICIARY, beneficiaryId)))
                .sort(Sorts.ascending(ConsentRepository.SEQUENCE))
                .limit(limit)
                .map(this::read)
                .into(new ArrayList<>());
    }

    /**
     * Whether an earlier record of the ledger is still pending: one that landed after this run took its
     * batch. It goes first, in the next run; a later record never overtakes it.
     */
    boolean pendingBefore(String beneficiaryId, long sequence) {
        return records.find(Filters.and(entries.pending(), Filters.eq(ConsentRepository.BENEFICIARY, beneficiaryId),
                Filters.lt(ConsentRepository.SEQUENCE, sequence))).first() != null;
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
}
