package fr.bilan.notification.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import fr.bilan.notification.planning.RecordedFact;
import fr.bilan.support.mongo.Inserts;

/**
 * The facts taken, in MongoDB ({@code facts}): {@code _id} the event id (unique by construction),
 * {@code type}, {@code assessmentId} (absent for an agreement's), {@code occurTime}, {@code recordTime}.
 * Identifiers only: what a fact said is kept by the messages it planned and by the tracking.
 */
@Repository
public class FactRepository implements RecordedFacts {

    public static final String COLLECTION = "facts";
    /**
     * How long a fact's id is remembered (a TTL index on real MongoDB): producers redeliver within hours;
     * later, the messages' unique keys still refuse a second message.
     */
    static final Duration REMEMBERED = Duration.ofDays(400);

    private final MongoCollection<Document> collection;

    FactRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("assessmentId"));
        collection.createIndex(Indexes.ascending("recordTime"),
                new IndexOptions().expireAfter(REMEMBERED.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public boolean known(String eventId) {
        return collection.find(Filters.eq("_id", eventId)).limit(1).first() != null;
    }

    @Override
    public boolean record(RecordedFact fact, String assessmentId, Instant now) {
        return Inserts.insertIfNew(collection, new Document("_id", fact.eventId())
                .append("type", fact.fact().getClass().getSimpleName()).append("assessmentId", assessmentId)
                .append("occurTime", Date.from(fact.occurTime())).append("recordTime", Date.from(now)));
    }

    @Override
    public long eraseAssessment(String assessmentId) {
        return collection.deleteMany(Filters.eq("assessmentId", assessmentId)).getDeletedCount();
    }
}
