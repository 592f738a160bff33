package fr.bilan.beneficiary.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;

/**
 * The consent ledger in MongoDB: a document per record, inserted and never updated in substance.
 * Each beneficiary's records are numbered by a counter document (one atomic increment), so their
 * order does not depend on clocks; a retried request finds its first record by its idempotency key.
 * A request that fails between the increment and the insert leaves a gap in the numbering, never a
 * lost or doubled record. Each record is inserted with its delivery to retention-service pending
 * (its {@link #OUTBOX} marker), the one part of it the outbox relay later changes.
 */
@Repository
public class ConsentRepository {

    public static final String COLLECTION = "consent_records";
    public static final String BENEFICIARY = "beneficiaryId";
    public static final String SEQUENCE = "sequence";
    public static final String RECORD_TIME = "recordTime";
    /** Where each record keeps its delivery to retention-service. */
    public static final OutboxMarker OUTBOX = new OutboxMarker("outbox");
    private static final String REQUEST_KEY = "requestKey";

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> counters;

    public ConsentRepository(MongoDatabase database) {
        this.records = database.getCollection(COLLECTION);
        this.counters = database.getCollection("consent_ledgers");
        records.createIndex(Indexes.ascending(BENEFICIARY, SEQUENCE), new IndexOptions().unique(true));
        records.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        // the relay's reads: pending records, by beneficiary in ledger order (delivered ones sort apart, as null)
        records.createIndex(Indexes.ascending(OUTBOX.pending(), BENEFICIARY, SEQUENCE));
    }

    /** Appends the record, or returns the one a concurrent request stored under the same idempotency key. */
    public ConsentEntry append(String beneficiaryId, NewConsent consent, String recordedBy, String requestKey,
            Instant now) {
        long sequence = counters.findOneAndUpdate(Filters.eq("_id", beneficiaryId), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getLong("last");
        Document document = new Document("_id", UUID.randomUUID().toString())
                .append(BENEFICIARY, beneficiaryId)
                .append(SEQUENCE, sequence)
                .append("kind", consent.kind().name())
                .append("decision", consent.decision().name())
                .append("method", consent.method().name())
                .append("evidenceSha256", consent.evidenceSha256())
                .append("recordedBy", recordedBy)
                .append(RECORD_TIME, Date.from(now))
                .append(REQUEST_KEY, requestKey)
                .append(OUTBOX.field(), OutboxMarker.newPending(now));
        if (consent.recipient() != null) {
            document.append("recipientKind", consent.recipient().kind().name())
                    .append("recipientName", consent.recipient().name());
        }
        if (Inserts.insertIfNew(records, document)) {
            return toEntry(document);
        }
        // sequences come from the counter: only the idempotency key can be taken
        return findByRequestKey(requestKey).orElseThrow(() -> new IllegalStateException(
                "Consent record " + sequence + " of beneficiary " + beneficiaryId + " already written"));
    }

    public ConsentLedger ledgerOf(String beneficiaryId) {
        return new ConsentLedger(records.find(Filters.eq(BENEFICIARY, beneficiaryId)).sort(Sorts.ascending(SEQUENCE))
                .map(ConsentRepository::toEntry).into(new ArrayList<>()));
    }

    public Optional<ConsentEntry> findByRequestKey(String requestKey) {
        return Optional.ofNullable(records.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(ConsentRepository::toEntry);
    }

    /** The record a stored document holds. */
    public static ConsentEntry toEntry(Document document) {
        String recipientKind = document.getString("recipientKind");
        Recipient recipient = recipientKind == null ? null
                : new Recipient(RecipientKind.valueOf(recipientKind), document.getString("recipientName"));
        return new ConsentEntry(document.getString("_id"), document.getString(BENEFICIARY),
                ConsentKind.valueOf(document.getString("kind")), ConsentDecision.valueOf(document.getString("decision")),
                recipient, EvidenceMethod.valueOf(document.getString("method")), document.getString("evidenceSha256"),
                document.getString("recordedBy"), document.getDate(RECORD_TIME).toInstant(), document.getLong(SEQUENCE));
    }
}
