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

import fr.bilan.support.mongo.Inserts;

/**
 * The stored documents retention has taken in, whose destruction its legal clock will schedule:
 * collection {@code documents}, one per stored object, {@code _id} = its event id, with
 * {@code kind}, {@code assessmentId} (indexed: the clock joins it with the bilan's action end),
 * {@code beneficiaryId}, {@code centreId}, {@code holder}, {@code bucket}, {@code objectKey}, {@code sha256},
 * {@code sizeBytes}, {@code storeTime} and {@code receiveTime}. Where it is and whose, never what it
 * says. Delivery is at least once: the event id makes a second insert fail, so a redelivery changes
 * nothing; one that names another object under the same event id is told apart, never merged.
 */
@Repository
public class StoredDocuments {

    public static final String COLLECTION = "documents";
    static final String ASSESSMENT = "assessmentId";

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

    /** Stores the document, unless its event id was taken in already: then compares, changing nothing. */
    public Intake takeIn(StoredDocument document, Instant now) {
        // what makes the document itself: every field but when it was received
        Document fields = new Document("kind", document.kind().name())
                .append(ASSESSMENT, document.assessmentId())
                .append("beneficiaryId", document.beneficiaryId())
                .append("centreId", document.centreId())
                .append("holder", document.holder())
                .append("bucket", document.bucket())
                .append("objectKey", document.objectKey())
                .append("sha256", document.sha256())
                .append("sizeBytes", document.sizeBytes())
                .append("storeTime", Date.from(document.storeTime()));
        Document stored = new Document("_id", document.eventId()).append("receiveTime", Date.from(now));
        stored.putAll(fields);
        if (Inserts.insertIfNew(documents, stored)) {
            return Intake.TAKEN_IN;
        }
        Document kept = documents.find(Filters.eq("_id", document.eventId())).first();
        return new Intake(false, fields.keySet().stream().filter(field -> !Objects.equals(kept.get(field), fields.get(field)))
                .toList());
    }
}
