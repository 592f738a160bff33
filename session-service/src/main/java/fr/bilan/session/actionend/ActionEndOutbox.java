package fr.bilan.session.actionend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxMarker;

/**
 * The outbox side of the bilans ({@code assessments}): the ends of action still to deliver to
 * retention-service. An assessment document ({@code _id}: the assessment id) carries
 * {@code beneficiaryId}, {@code centreId}, {@code createTime}, {@code fundingId} (when one was
 * recorded) and, once its action has ended, the sub-document
 * {@code actionEnd}, set in the same update that moves the state (no transaction needed):
 * {@code eventId}, {@code outcome} (COMPLETED, WITHDRAWN, ABANDONED or INTERRUPTED),
 * {@code endTime}, {@code followUpDueDate} ({@code yyyy-MM-dd}, absent when no follow-up is
 * offered), and the delivery marker's fields ({@link OutboxMarker}: {@code pending: true},
 * {@code attempts: 0}, {@code nextAttemptTime} = {@code endTime} to start with). Writes here touch
 * the marker only, through {@link #entries()}.
 */
public class ActionEndOutbox {

    public static final String COLLECTION = "assessments";
    public static final String BENEFICIARY = "beneficiaryId";
    public static final String CENTRE = "centreId";
    /** When the bilan was created: the action's start, as retention reads it. */
    public static final String START_TIME = "createTime";
    /** The bilan's funding (beneficiary-service), absent when none was recorded. */
    public static final String FUNDING = "fundingId";
    public static final OutboxMarker MARKER = new OutboxMarker("actionEnd");
    /** The fields of {@code actionEnd} beside the marker's. */
    public static final String EVENT_ID = "eventId";
    public static final String OUTCOME = "outcome";
    public static final String END_TIME = "endTime";
    public static final String FOLLOW_UP_DUE_DATE = "followUpDueDate";

    private final MongoCollection<Document> assessments;
    private final OutboxCollection entries;

    ActionEndOutbox(MongoDatabase database) {
        this.assessments = database.getCollection(COLLECTION);
        this.entries = new OutboxCollection(assessments, MARKER, MARKER.field() + "." + END_TIME);
        // the relay's read: due pending ends (delivered ones and assessments still running sort apart, as null)
        assessments.createIndex(Indexes.ascending(MARKER.pending(), MARKER.nextAttemptTime()));
    }

    /**
     * The {@code actionEnd} sub-document of a bilan whose action ends now, pending delivery: written
     * in the same update as the state that ends it.
     */
    public static Document pendingEnd(String eventId, String outcome, Instant endTime, LocalDate followUpDueDate) {
        Document end = OutboxMarker.newPending(endTime).append(EVENT_ID, eventId).append(OUTCOME, outcome)
                .append(END_TIME, Date.from(endTime));
        if (followUpDueDate != null) {
            end.append(FOLLOW_UP_DUE_DATE, followUpDueDate.toString());
        }
        return end;
    }

    OutboxCollection entries() {
        return entries;
    }

    /** The pending ends that may be tried now, the longest waiting first, at most {@code limit}. */
    List<PendingActionEnd> due(Instant now, int limit) {
        return assessments.find(Filters.and(entries.pending(), Filters.lte(MARKER.nextAttemptTime(), Date.from(now))))
                .sort(Sorts.ascending(MARKER.nextAttemptTime(), "_id"))
                .projection(Projections.include(BENEFICIARY, CENTRE, START_TIME, FUNDING, MARKER.field()))
                .limit(limit)
                .map(PendingActionEnd::of)
                .into(new ArrayList<>());
    }
}
