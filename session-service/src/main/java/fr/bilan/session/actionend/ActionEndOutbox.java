package fr.bilan.session.actionend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The action-end outbox ({@code outbox=action-end}), the outbox side of the bilans
 * ({@code assessments}): the ends of action still to deliver to retention-service. Each assessment
 * has one end, so no order binds them. An assessment document ({@code _id}: the assessment id) carries
 * {@code beneficiaryId}, {@code centreId}, {@code createTime}, {@code fundingId} (when one was
 * recorded) and, once its action has ended, the sub-document
 * {@code actionEnd}, set in the same update that moves the state (no transaction needed):
 * {@code eventId}, {@code outcome} (COMPLETED, WITHDRAWN, ABANDONED or INTERRUPTED),
 * {@code endTime}, {@code followUpDueDate} ({@code yyyy-MM-dd}, absent when no follow-up is
 * offered), and the delivery marker's fields ({@link OutboxMarker}: {@code pending: true},
 * {@code attempts: 0}, {@code nextAttemptTime} = {@code endTime} to start with). Writes here touch
 * the marker only, through {@link #entries()}.
 */
@Component
public class ActionEndOutbox implements OutboxDefinition<PendingActionEnd> {

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

    private final OutboxCollection entries;

    ActionEndOutbox(MongoDatabase database) {
        MongoCollection<Document> assessments = database.getCollection(COLLECTION);
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

    @Override
    public String name() {
        return "action-end";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    /** An assessment holds much more than its end: only what the end needs is read. */
    @Override
    public Bson projection() {
        return Projections.include(BENEFICIARY, CENTRE, START_TIME, FUNDING, MARKER.field());
    }

    @Override
    public PendingActionEnd read(Document assessment) {
        return PendingActionEnd.of(assessment);
    }

    @Override
    public PendingEntry entry(PendingActionEnd end) {
        return end.pending();
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var retention = receivers.retention();
        return new UnorderedDeliveries<>(this, (end, deadline) -> retention.withDeadline(deadline)
                .recordActionEnd(RecordActionEndRequest.newBuilder().setActionEnd(toActionEnd(end)).build())
                .getFirstDelivery());
    }

    /**
     * What retention-service needs of an end: identifiers (the funding's too, for the holder of its
     * agreement), outcome and days; no name.
     */
    private static ActionEnd toActionEnd(PendingActionEnd end) {
        ActionEnd.Builder message = ActionEnd.newBuilder()
                .setEventId(end.eventId())
                .setAssessmentId(end.assessmentId())
                .setBeneficiaryId(end.beneficiaryId())
                .setCentreId(end.centreId())
                .setOutcome(end.outcome())
                .setFundingId(end.fundingId());
        if (end.startTime() != null) {
            message.setStartTime(ProtoTime.of(end.startTime()));
        }
        if (end.endTime() != null) {
            message.setEndTime(ProtoTime.of(end.endTime()));
        }
        if (end.followUpDueDate() != null) {
            message.setFollowUpDueDate(ProtoDates.of(LocalDate.parse(end.followUpDueDate())));
        }
        return message.build();
    }
}
