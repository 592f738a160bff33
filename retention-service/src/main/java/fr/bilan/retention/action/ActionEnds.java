package fr.bilan.retention.action;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.mongo.Inserts;

/**
 * The action ends retention has taken in, which its legal clock reads: collection
 * {@code action_ends}, one document per end, {@code _id} = its event id, with {@code assessmentId},
 * {@code beneficiaryId}, {@code centreId}, {@code outcome}, {@code startTime}, {@code endTime},
 * {@code followUpDueDate} ({@code yyyy-MM-dd}, absent when no follow-up is offered),
 * {@code fundingId} (absent when the bilan had none) and {@code receiveTime}. Identifiers only. Delivery is at least once: the event id makes a second
 * insert fail, so a redelivery changes nothing.
 */
@Repository
public class ActionEnds {

    public static final String COLLECTION = "action_ends";
    private static final String ASSESSMENT = "assessmentId";
    private static final String END_TIME = "endTime";
    private static final String FUNDING = "fundingId";

    /**
     * What the clock and the purge read of a bilan's end.
     *
     * @param fundingId the action's funding, passed to the holders that erase its evidence; empty when none
     */
    public record Ended(String assessmentId, String beneficiaryId, String centreId, Instant startTime, Instant endTime,
            String fundingId) {
    }

    private final MongoCollection<Document> ends;

    public ActionEnds(MongoDatabase database) {
        this.ends = database.getCollection(COLLECTION);
        ends.createIndex(Indexes.ascending(ASSESSMENT, END_TIME));
    }

    /**
     * The end of each bilan that has one: the first, should a bilan be reported ended twice under
     * two event ids (its documents were due from the first).
     */
    public Map<String, Ended> endsOf(Collection<String> assessmentIds) {
        Map<String, Ended> ended = new HashMap<>();
        for (Document end : ends.find(Filters.in(ASSESSMENT, assessmentIds)).sort(Sorts.ascending(END_TIME))) {
            ended.putIfAbsent(end.getString(ASSESSMENT), new Ended(end.getString(ASSESSMENT),
                    end.getString("beneficiaryId"), end.getString("centreId"),
                    end.getDate("startTime").toInstant(), end.getDate(END_TIME).toInstant(),
                    end.get(FUNDING, "")));
        }
        return ended;
    }

    /** Stores the end; {@code false}, changing nothing, when its event id was taken in already. */
    public boolean takeIn(ActionEnd end, Instant now) {
        Document document = new Document("_id", end.eventId())
                .append(ASSESSMENT, end.assessmentId())
                .append("beneficiaryId", end.beneficiaryId())
                .append("centreId", end.centreId())
                .append("outcome", end.outcome().name())
                .append("startTime", Date.from(end.startTime()))
                .append(END_TIME, Date.from(end.endTime()))
                .append("receiveTime", Date.from(now));
        if (end.followUpDueDate() != null) {
            document.append("followUpDueDate", end.followUpDueDate().toString());
        }
        if (!end.fundingId().isEmpty()) {
            document.append(FUNDING, end.fundingId());
        }
        return Inserts.insertIfNew(ends, document);
    }
}
