package fr.bilan.quality.register.improvement;

import static fr.bilan.quality.bilan.BilanRecordRepository.day;
import static fr.bilan.quality.bilan.BilanRecordRepository.localDay;
import static fr.bilan.quality.register.RegisterStore.CENTRE_ID;
import static fr.bilan.quality.register.RegisterStore.REQUEST_KEY;
import static fr.bilan.quality.register.RegisterStore.VERSION;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.quality.register.RegisterStore;

/**
 * The improvement actions in MongoDB ({@code improvementActions}), one document each: {@code _id},
 * {@code centreId}, {@code title}, {@code origin} (the contract's name), {@code originId}, {@code owner},
 * {@code status}, {@code dueDate} and {@code doneDate} (UTC midnights of the days, null before),
 * {@code createTime}, {@code requestKey} and {@code version} ({@link RegisterStore}).
 */
@Repository
public class ImprovementActionRepository implements ImprovementActions {

    public static final String COLLECTION = "improvementActions";

    private final RegisterStore<ImprovementAction> store;

    ImprovementActionRepository(MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(CENTRE_ID, "dueDate"));
        this.store = new RegisterStore<>(collection, ImprovementActionRepository::toDocument,
                ImprovementActionRepository::toAction);
    }

    @Override
    public ImprovementAction recordOnce(ImprovementAction action) {
        return store.recordOnce(action);
    }

    @Override
    public Optional<ImprovementAction> byId(String centreId, String id) {
        return store.byId(centreId, id);
    }

    @Override
    public boolean replace(ImprovementAction previous, ImprovementAction next) {
        return store.replace(previous.version(), next);
    }

    @Override
    public List<ImprovementAction> ofCentre(String centreId) {
        return store.find(Filters.eq(CENTRE_ID, centreId), Sorts.ascending("dueDate", "_id"));
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
