package fr.bilan.retention.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.bilan.retention.rules.ConsentDecision;
import fr.bilan.retention.rules.ConsentKind;
import fr.bilan.retention.rules.ConsentRecord;
import fr.bilan.retention.rules.RecipientKind;
import fr.bilan.support.mongo.Inserts;

/**
 * The consent changes retention has taken in, which its legal clock reads. Two plain collections:
 * <ul>
 * <li>{@code consent_changes}: one document per change, {@code _id} = the consent record's id
 * ({@code eventId}), with {@code beneficiaryId}, {@code sequence} (position in the beneficiary's
 * ledger), {@code kind}, {@code decision}, {@code recipientKind} (synthesis sharing only),
 * {@code recordTime} (when the beneficiary's ledger recorded it) and {@code receiveTime}; indexed by
 * (beneficiaryId, sequence). Identifiers only: no name, no evidence.</li>
 * <li>{@code consent_positions}: per beneficiary ({@code _id}), {@code latestSequence}, the latest
 * sequence taken in, and {@code updateTime}.</li>
 * </ul>
 * Delivery is at least once and in ledger order, and there are no transactions: the change is
 * inserted first (its id makes a second insert fail), then the position moves forward ({@code $max},
 * never back). A redelivery after a crash between the two finds the change and completes the move.
 * A change that arrives after a later one of the same beneficiary is stored all the same: the
 * clock reads the changes in sequence order, so it takes its place.
 */
@Repository
public class ConsentChanges {

    public static final String CHANGES = "consent_changes";
    public static final String POSITIONS = "consent_positions";
    static final String BENEFICIARY = "beneficiaryId";
    static final String SEQUENCE = "sequence";
    static final String LATEST_SEQUENCE = "latestSequence";

    /** What taking a change in did. */
    public enum Intake {
        /** First time seen: stored, the beneficiary's position moved to it. */
        TAKEN_IN,
        /**
         * First time seen but older than the latest change taken in (its record landed in the ledger
         * after a later one had gone): stored in its place all the same, nothing is lost; the
         * position stays.
         */
        TAKEN_IN_LATE,
        /** Already stored (same event id): nothing changed. */
        DUPLICATE
    }

    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> positions;

    public ConsentChanges(MongoDatabase database) {
        this.changes = database.getCollection(CHANGES);
        this.positions = database.getCollection(POSITIONS);
        changes.createIndex(Indexes.ascending(BENEFICIARY, SEQUENCE));
    }

    public Intake takeIn(ConsentChange change, Instant now) {
        boolean late = change.sequence() <= latestSequence(change.beneficiaryId());
        Intake intake = insert(change, now);
        // also on a duplicate: completes the move of a change stored just before a crash ($max never goes back)
        positions.updateOne(Filters.eq("_id", change.beneficiaryId()),
                Updates.combine(Updates.max(LATEST_SEQUENCE, change.sequence()), Updates.set("updateTime", Date.from(now))),
                new UpdateOptions().upsert(true));
        return intake == Intake.TAKEN_IN && late ? Intake.TAKEN_IN_LATE : intake;
    }

    /** The consent ledgers of the beneficiaries, as the policy reads them: in ledger order. */
    public Map<String, List<ConsentRecord>> ledgersOf(Collection<String> beneficiaryIds) {
        Map<String, List<ConsentRecord>> ledgers = new HashMap<>();
        for (Document change : changes.find(Filters.in(BENEFICIARY, beneficiaryIds)).sort(Sorts.ascending(BENEFICIARY, SEQUENCE))) {
            String recipient = change.getString("recipientKind");
            ledgers.computeIfAbsent(change.getString(BENEFICIARY), beneficiary -> new ArrayList<>()).add(new ConsentRecord(
                    change.getDate("recordTime").toInstant(), ConsentKind.valueOf(change.getString("kind")),
                    recipient == null ? null : RecipientKind.valueOf(recipient),
                    ConsentDecision.valueOf(change.getString("decision"))));
        }
        return ledgers;
    }

    /** The latest sequence taken in for the beneficiary; 0 when none. */
    public long latestSequence(String beneficiaryId) {
        Document position = positions.find(Filters.eq("_id", beneficiaryId)).first();
        return position == null ? 0 : position.getLong(LATEST_SEQUENCE);
    }

    private Intake insert(ConsentChange change, Instant now) {
        Document document = new Document("_id", change.eventId())
                .append(BENEFICIARY, change.beneficiaryId())
                .append(SEQUENCE, change.sequence())
                .append("kind", change.kind().name())
                .append("decision", change.decision().name())
                .append("recordTime", Date.from(change.recordTime()))
                .append("receiveTime", Date.from(now));
        if (change.recipientKind() != null) {
            document.append("recipientKind", change.recipientKind().name());
        }
        return Inserts.insertIfNew(changes, document) ? Intake.TAKEN_IN : Intake.DUPLICATE;
    }
}
