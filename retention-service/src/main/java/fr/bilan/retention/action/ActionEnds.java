package fr.bilan.retention.action;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import fr.bilan.support.mongo.Inserts;

/**
 * The action ends retention has taken in, which its legal clock reads: collection
 * {@code action_ends}, one document per end, {@code _id} = its event id, with {@code assessmentId},
 * {@code beneficiaryId}, {@code centreId}, {@code outcome}, {@code startTime}, {@code endTime},
 * {@code followUpDueDate} ({@code yyyy-MM-dd}, absent when no follow-up is offered) and
 * {@code receiveTime}. Identifiers only. Delivery is at least once: the event id makes a second
 * insert fail, so a redelivery changes nothing.
 */
@Repository
public class ActionEnds {

    public static final String COLLECTION = "action_ends";

    private final MongoCollection<Document> ends;

    public ActionEnds(MongoDatabase database) {
        this.ends = database.getCollection(COLLECTION);
    }

    /** Stores the end; {@code false}, changing nothing, when its event id was taken in already. */
    public boolean takeIn(ActionEnd end, Instant now) {
        Document document = new Document("_id", end.eventId())
                .append("assessmentId", end.assessmentId())
                .append("beneficiaryId", end.beneficiaryId())
                .append("centreId", end.centreId())
                .append("outcome", end.outcome().name())
                .append("startTime", Date.from(end.startTime()))
                .append("endTime", Date.from(end.endTime()))
                .append("receiveTime", Date.from(now));
        if (end.followUpDueDate() != null) {
            document.append("followUpDueDate", end.followUpDueDate().toString());
        }
        return Inserts.insertIfNew(ends, document);
    }
}
