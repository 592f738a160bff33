package fr.bilan.retention.document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.support.mongo.Inserts;

/**
 * The stored documents retention has taken in, whose destruction its legal clock will schedule:
 * collection {@code documents}, one per stored object, {@code _id} = its event id, with
 * {@code kind}, {@code assessmentId} (indexed: the clock joins it with the bilan's action end),
 * {@code beneficiaryId}, {@code centreId}, {@code holder}, {@code bucket}, {@code objectKey}, {@code sha256},
 * {@code sizeBytes}, {@code storeTime} and {@code receiveTime}, and the schedule's fields
 * ({@link Registry}). Where it is and whose, never what it says. Delivery is at least once: the event id makes a second insert fail, so a redelivery changes
 * nothing; one that names another object under the same event id is told apart, never merged.
 */
@Repository
public class StoredDocuments {

    public static final String COLLECTION = "documents";
    static final String KIND = "kind";
    static final String ASSESSMENT = "assessmentId";
    static final String BENEFICIARY = "beneficiaryId";
    static final String CENTRE = "centreId";
    static final String HOLDER = "holder";
    static final String BUCKET = "bucket";
    static final String OBJECT_KEY = "objectKey";
    static final String SIZE = "sizeBytes";
    static final String STORE_TIME = "storeTime";

    /**
     * What taking a document in did: stored for the first time, or not (a redelivery); in the
     * latter case, the fields in which the document already stored under its event id differs, if
     * any (names only): nothing changed, the first one stays.
     */
    public record Intake(boolean first, List<String> conflictingFields) {

        static final Intake TAKEN_IN = new Intake(true, List.of());

        public Intake {
            conflictingFields = List.copyOf(conflictingFields);
        }

        /** Whether the event id was taken in with other fields. */
        public boolean conflicts() {
            return !conflictingFields.isEmpty();
        }

        /** How metrics and logs name it: taken_in, duplicate or conflict. */
        public String outcome() {
            return first ? "taken_in" : conflicts() ? "conflict" : "duplicate";
        }
    }

    private final MongoCollection<Document> documents;

    public StoredDocuments(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
        documents.createIndex(Indexes.ascending(ASSESSMENT));
    }

    /**
     * Registers what {@code holder} keeps of the ended bilan in its database (the synthèse's text,
     * its history), as one entry of {@code kind} stored at the end: the clock schedules it like the
     * objects, and the purge has the holder erase it, and the bilan's key, once its objects are gone.
     * Idempotent: one entry per holder and bilan.
     */
    public void takeInContent(String holder, DocumentKind kind, String assessmentId, String beneficiaryId,
            String centreId, Instant endTime, Instant now) {
        Document entry = new Document("_id", Registry.contentId(holder, assessmentId)).append("receiveTime", Date.from(now))
                .append(KIND, kind.name()).append(ASSESSMENT, assessmentId).append(BENEFICIARY, beneficiaryId)
                .append(CENTRE, centreId).append(HOLDER, holder).append(SIZE, 0L).append(STORE_TIME, Date.from(endTime));
        entry.putAll(Registry.unscheduled(Registry.CONTENT));
        Inserts.insertIfNew(documents, entry);
    }

    /** Stores the document, unless its event id was taken in already: then compares, changing nothing. */
    public Intake takeIn(StoredDocument document, Instant now) {
        // what makes the document itself: every field but when it was received
        Document fields = new Document(KIND, document.kind().name())
                .append(ASSESSMENT, document.assessmentId())
                .append(BENEFICIARY, document.beneficiaryId())
                .append(CENTRE, document.centreId())
                .append(HOLDER, document.holder())
                .append(BUCKET, document.bucket())
                .append(OBJECT_KEY, document.objectKey())
                .append("sha256", document.sha256())
                .append(SIZE, document.sizeBytes())
                .append(STORE_TIME, Date.from(document.storeTime()));
        Document stored = new Document("_id", document.eventId()).append("receiveTime", Date.from(now));
        stored.putAll(fields);
        stored.putAll(Registry.unscheduled(Registry.OBJECT));
        if (Inserts.insertIfNew(documents, stored)) {
            return Intake.TAKEN_IN;
        }
        Document kept = documents.find(Filters.eq("_id", document.eventId())).first();
        return new Intake(false, fields.keySet().stream().filter(field -> !Objects.equals(kept.get(field), fields.get(field)))
                .toList());
    }
}
