package fr.bilan.session.actionend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.session.SessionApplication;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.testing.FakeRetention.Call;
import fr.bilan.support.testing.OutboxRelayTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The action-end relay against assessment documents laid out as session-service's storage writes
 * them: {@code actionEnd} set with its pending marker in the same update that ends the action.
 */
@SpringBootTest(classes = SessionApplication.class)
@DirtiesContext
class ActionEndRelayTest extends OutboxRelayTestSupport {

    @Autowired
    private MongoDatabase database;

    @Autowired
    private MeterRegistry meters;

    ActionEndRelayTest() {
        super("action-end");
    }

    /** An assessment whose action ended now, its end pending as the storage writes it; returns its id. */
    private String ended(String outcome, String followUpDueDate) {
        return ended(outcome, followUpDueDate, Instant.now());
    }

    /** The same, not to be tried before {@code due}: written so from the start, or the relay may be quicker. */
    private String ended(String outcome, String followUpDueDate, Instant due) {
        return insert(pendingEnd(outcome, followUpDueDate, due));
    }

    /** An {@code actionEnd} sub-document as the storage writes it, pending, due at {@code due}. */
    private static Document pendingEnd(String outcome, String followUpDueDate, Instant due) {
        Instant now = Instant.now();
        Document actionEnd = new Document("eventId", UUID.randomUUID().toString()).append("outcome", outcome)
                .append("endTime", Date.from(now))
                .append("pending", true).append("attempts", 0).append("nextAttemptTime", Date.from(due));
        if (followUpDueDate != null) {
            actionEnd.append("followUpDueDate", followUpDueDate);
        }
        return actionEnd;
    }

    private String insert(Document actionEnd) {
        return insert(actionEnd, null);
    }

    /** A bilan holding {@code actionEnd} (none: its action runs), funded by {@code fundingId} when given. */
    private String insert(Document actionEnd, String fundingId) {
        String id = UUID.randomUUID().toString();
        Document assessment = new Document("_id", id).append("beneficiaryId", "beneficiary-" + id)
                .append("centreId", "centre-lyon").append("requestKey", "test:" + id)
                .append("createTime", Date.from(Instant.parse("2026-09-01T08:00:00Z")))
                .append("state", actionEnd == null ? "INVESTIGATION" : "ACTION_ENDED");
        if (actionEnd != null) {
            assessment.append("actionEnd", actionEnd);
        }
        if (fundingId != null) {
            assessment.append("fundingId", fundingId);
        }
        assessments().insertOne(assessment);
        return id;
    }

    private MongoCollection<Document> assessments() {
        return database.getCollection("assessments");
    }

    private Document actionEndOf(String assessment) {
        return assessments().find(Filters.eq("_id", assessment)).first().get("actionEnd", Document.class);
    }

    private boolean delivered(String assessment) {
        Document actionEnd = actionEndOf(assessment);
        return !actionEnd.containsKey("pending") && actionEnd.getDate("deliveredTime") != null;
    }

    private List<Call> callsFor(String assessment) {
        return RETENTION.callsFor("beneficiary-" + assessment);
    }

    @Test
    void deliversAnEndAsTheServiceItselfWithWhatRetentionNeeds() {
        double firstDeliveriesBefore = count(OutboxMetrics.DELIVERIES, "first_delivery", "true");
        String assessment = ended("COMPLETED", "2027-05-12");
        Document stored = actionEndOf(assessment);

        await().atMost(AT_MOST).until(() -> delivered(assessment));

        ActionEnd sent = callsFor(assessment).get(0).actionEnd();
        assertThat(sent.getEventId()).isEqualTo(stored.getString("eventId"));
        assertThat(sent.getAssessmentId()).isEqualTo(assessment);
        assertThat(sent.getBeneficiaryId()).isEqualTo("beneficiary-" + assessment);
        assertThat(sent.getCentreId()).isEqualTo("centre-lyon");
        assertThat(sent.getOutcome()).isEqualTo("COMPLETED");
        assertThat(ProtoTime.toInstant(sent.getStartTime())).isEqualTo(Instant.parse("2026-09-01T08:00:00Z"));
        assertThat(ProtoTime.toInstant(sent.getEndTime())).isEqualTo(stored.getDate("endTime").toInstant());
        assertThat(List.of(sent.getFollowUpDueDate().getYear(), sent.getFollowUpDueDate().getMonth(),
                sent.getFollowUpDueDate().getDay())).containsExactly(2027, 5, 12);
        assertThat(callsFor(assessment)).extracting(Call::answer).containsExactly(Status.Code.OK);
        assertThat(RETENTION.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
        assertThat(actionEndOf(assessment).getInteger("attempts")).isZero();
        assertThat(count(OutboxMetrics.DELIVERIES, "first_delivery", "true") - firstDeliveriesBefore).isEqualTo(1);
    }

    @Test
    void anEndGoesWithTheFundingOfTheBilanWhenOneWasRecorded() {
        String funded = insert(pendingEnd("COMPLETED", null, Instant.now()), "funding-42");
        String unfunded = ended("WITHDRAWN", null);

        await().atMost(AT_MOST).until(() -> delivered(funded) && delivered(unfunded));

        assertThat(callsFor(funded).get(0).actionEnd().getFundingId()).isEqualTo("funding-42");
        assertThat(callsFor(unfunded).get(0).actionEnd().getFundingId()).isEmpty();
    }

    @Test
    void aSideExitGoesWithoutAFollowUpDate() {
        String assessment = ended("WITHDRAWN", null);

        await().atMost(AT_MOST).until(() -> delivered(assessment));

        ActionEnd sent = callsFor(assessment).get(0).actionEnd();
        assertThat(sent.getOutcome()).isEqualTo("WITHDRAWN");
        assertThat(sent.hasFollowUpDueDate()).isFalse();
    }

    @Test
    void deliversAgainAnEndWhoseAcknowledgementWasLostAndRetentionKeepsItOnce() {
        double redeliveriesBefore = count(OutboxMetrics.DELIVERIES, "first_delivery", "false");
        String assessment = ended("ABANDONED", null);
        RETENTION.loseAcknowledgementOf(actionEndOf(assessment).getString("eventId"));

        await().atMost(AT_MOST).until(() -> delivered(assessment));

        List<Call> calls = callsFor(assessment);
        assertThat(calls).extracting(Call::answer).containsExactly(Status.Code.UNAVAILABLE, Status.Code.OK);
        assertThat(calls).extracting(Call::firstDelivery).containsExactly(true, false);
        assertThat(calls).extracting(Call::eventId).containsOnly(actionEndOf(assessment).getString("eventId"));
        assertThat(actionEndOf(assessment).getInteger("attempts")).isEqualTo(1);
        assertThat(count(OutboxMetrics.DELIVERIES, "first_delivery", "false") - redeliveriesBefore).isEqualTo(1);
    }

    @Test
    void aFailedEndWaitsLongerAfterEachFailureThenGoes() {
        double failuresBefore = count(OutboxMetrics.FAILURES, "code", "UNAVAILABLE");
        String assessment = ended("INTERRUPTED", null);
        String eventId = actionEndOf(assessment).getString("eventId");
        RETENTION.refuse(eventId, Status.UNAVAILABLE);

        assertBacksOff(() -> actionEndOf(assessment), "UNAVAILABLE", 4);

        assertThat(count(OutboxMetrics.FAILURES, "code", "UNAVAILABLE") - failuresBefore).isGreaterThanOrEqualTo(4);

        RETENTION.accept(eventId);
        await().atMost(AT_MOST).until(() -> delivered(assessment));
        assertThat(RETENTION.hasTakenIn(eventId)).isTrue();
    }

    @Test
    void aRefusedEndDoesNotHoldBackTheOthers() {
        String refused = ended("COMPLETED", null);
        String refusedEvent = actionEndOf(refused).getString("eventId");
        RETENTION.refuse(refusedEvent, Status.INVALID_ARGUMENT);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(ended("COMPLETED", null));
        }

        await().atMost(AT_MOST).until(() -> others.stream().allMatch(this::delivered)
                && actionEndOf(refused).getInteger("attempts") >= 2);

        assertThat(actionEndOf(refused)).containsEntry("pending", true).containsEntry("lastStatus", "INVALID_ARGUMENT");
        RETENTION.accept(refusedEvent);
        await().atMost(AT_MOST).until(() -> delivered(refused));
    }

    @Test
    void nothingGoesWithoutAPendingMarkerNorBeforeItsTime() {
        String running = insert(null);
        String alreadyDelivered = insert(new Document("eventId", UUID.randomUUID().toString()).append("outcome", "COMPLETED")
                .append("endTime", new Date()).append("attempts", 0).append("deliveredTime", new Date()));
        String later = ended("COMPLETED", null, Instant.now().plusSeconds(3600));
        // an end written after them: once it is delivered, runs have passed over the others
        String sentinel = ended("COMPLETED", null);

        await().atMost(AT_MOST).until(() -> delivered(sentinel));

        assertThat(callsFor(running)).isEmpty();
        assertThat(callsFor(alreadyDelivered)).isEmpty();
        assertThat(callsFor(later)).isEmpty();
        assertThat(actionEndOf(later)).containsEntry("pending", true).containsEntry("attempts", 0);
        assertThat(meters.find(OutboxMetrics.PENDING).tag(OutboxMetrics.OUTBOX_TAG, "action-end").gauge().value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void indexesTheDuePendingEndsAtStartUp() {
        assertThat(assessments().listIndexes().map(index -> index.get("key", Document.class)).into(new ArrayList<>()))
                .contains(new Document("actionEnd.pending", 1).append("actionEnd.nextAttemptTime", 1));
    }

    @Test
    void theChartReadsItsOutboxMetrics() {
        assertTheChartReadsItsOutboxMetrics();
    }
}
