package fr.bilan.quality.register.improvement;

import static fr.bilan.quality.bilan.BilanRecordRepository.day;
import static fr.bilan.quality.bilan.BilanRecordRepository.localDay;
import static fr.bilan.quality.register.RegisterStore.CENTRE_ID;
import static fr.bilan.quality.register.RegisterStore.REQUEST_KEY;
import static fr.bilan.quality.register.RegisterStore.VERSION;

import java.util.Date;
import java.util.List;

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
public class ImprovementActionRepository extends RegisterStore<ImprovementAction> implements ImprovementActions {

    public static final String COLLECTION = "improvementActions";

    ImprovementActionRepository(MongoDatabase database) {
        super(indexed(database.getCollection(COLLECTION)), ImprovementActionRepository::toDocument,
                ImprovementActionRepository::toAction, ImprovementAction::version);
    }

    private static MongoCollection<Document> indexed(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(CENTRE_ID, "dueDate"));
        return collection;
    }

    @Override
    public List<ImprovementAction> ofCentre(String centreId) {
        return find(Filters.eq(CENTRE_ID, centreId), Sorts.ascending("dueDate", "_id"));
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
