package fr.bilan.quality.register.improvement;

import static fr.bilan.quality.bilan.BilanRecordRepository.day;
import static fr.bilan.quality.bilan.BilanRecordRepository.localDay;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import fr.bilan.support.mongo.Inserts;

/**
 * The improvement actions in MongoDB ({@code improvementActions}), one document each: {@code _id},
 * {@code centreId}, {@code title}, {@code origin} (the contract's name), {@code originId}, {@code owner},
 * {@code status}, {@code dueDate} and {@code doneDate} (UTC midnights of the days, null before),
 * {@code createTime}, {@code requestKey} (unique: a retried request records once) and {@code version}.
 */
@Repository
public class ImprovementActionRepository implements ImprovementActions {

    public static final String COLLECTION = "improvementActions";
    private static final String CENTRE_ID = "centreId";
    private static final String REQUEST_KEY = "requestKey";
    private static final String VERSION = "version";

    private final MongoCollection<Document> collection;

    ImprovementActionRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(CENTRE_ID, "dueDate"));
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
    }

    @Override
    public ImprovementAction recordOnce(ImprovementAction action) {
        if (Inserts.insertIfNew(collection, toDocument(action))) {
            return action;
        }
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, action.requestKey())).first())
                .map(ImprovementActionRepository::toAction)
                // the only unique keys are the id (a fresh UUID) and the request's
                .orElseThrow(() -> new IllegalStateException("action " + action.id() + " collided but no request holds it"));
    }

    @Override
    public Optional<ImprovementAction> byId(String centreId, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq(CENTRE_ID, centreId)))
                .first()).map(ImprovementActionRepository::toAction);
    }

    @Override
    public boolean replace(ImprovementAction previous, ImprovementAction next) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", previous.id()), Filters.eq(VERSION, previous.version())),
                toDocument(next)).getModifiedCount() == 1;
    }

    @Override
    public List<ImprovementAction> ofCentre(String centreId) {
        return collection.find(Filters.eq(CENTRE_ID, centreId)).map(ImprovementActionRepository::toAction)
                .into(new ArrayList<>());
    }

    static Document toDocument(ImprovementAction a) {
        return new Document("_id", a.id()).append(CENTRE_ID, a.centreId()).append("title", a.title())
                .append("origin", a.origin().name()).append("originId", a.originId()).append("owner", a.owner())
                .append("status", a.status().name()).append("dueDate", day(a.dueDate()))
                .append("doneDate", day(a.doneDate())).append("createTime", Date.from(a.createTime()))
                .append(REQUEST_KEY, a.requestKey()).append(VERSION, a.version());
    }

    static ImprovementAction toAction(Document d) {
        return new ImprovementAction(d.getString("_id"), d.getString(CENTRE_ID), d.getString("title"),
                ImprovementOrigin.valueOf(d.getString("origin")), d.getString("originId"), d.getString("owner"),
                ImprovementStatus.valueOf(d.getString("status")), localDay(d.getDate("dueDate")),
                localDay(d.getDate("doneDate")), d.getDate("createTime").toInstant(), d.getString(REQUEST_KEY),
                d.getLong(VERSION));
    }
}
