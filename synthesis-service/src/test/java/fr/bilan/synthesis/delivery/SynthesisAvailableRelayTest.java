package fr.bilan.synthesis.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.support.testing.FakeNotificationIntake;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.SynthesisServiceTestSupport;
import io.grpc.Status;

/**
 * A synthèse made final is told to notification-service ({@link FakeNotificationIntake}) once, as
 * the service itself, whatever the receiver does meanwhile, and the finalisation does not wait for it.
 */
class SynthesisAvailableRelayTest extends SynthesisServiceTestSupport {

    /** The relays' deadline per call (OutboxRelayTestSupport): what a finalisation waiting for notification-service would take. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    @AfterEach
    void healNotifications() {
        NOTIFICATIONS.heal();
    }

    private Document availableOf(TestBilan bilan) {
        return database.getCollection("syntheses").find(Filters.eq("_id", bilan.id())).first()
                .get("available", Document.class);
    }

    private boolean delivered(TestBilan bilan) {
        Document available = availableOf(bilan);
        return !available.containsKey("pending") && available.getDate("deliveredTime") != null;
    }

    private static List<FakeNotificationIntake.Call> callsAbout(TestBilan bilan) {
        return NOTIFICATIONS.calls().stream().filter(call -> call.events().stream()
                .anyMatch(event -> FakeNotificationIntake.subjectOf(event).equals(bilan.id()))).toList();
    }

    private static TestBilan inConclusion() {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        save(bilan, fullContent(), "", List.of());
        return bilan;
    }

    @Test
    void aSynthesisMadeFinalIsToldOnceAsTheServiceItself() {
        TestBilan bilan = inConclusion();

        Synthesis done = finalize(bilan);
        finalize(bilan);
        await().atMost(AT_MOST).until(() -> delivered(bilan));

        NotificationEvent told = NOTIFICATIONS.takenInAbout(bilan.id()).get(0);
        assertThat(NOTIFICATIONS.takenInAbout(bilan.id())).hasSize(1);
        assertThat(told.getEventId()).isEqualTo(availableOf(bilan).getString("eventId"));
        assertThat(told.getSynthesisAvailable().getBeneficiaryId()).isEqualTo(bilan.beneficiaryId());
        assertThat(told.getSynthesisAvailable().getCentreId()).isEqualTo(CENTRE);
        assertThat(told.getOccurTime()).isEqualTo(done.getFinalizeTime());
        assertThat(callsAbout(bilan)).extracting(FakeNotificationIntake.Call::answer).containsExactly(Status.Code.OK);
        assertThat(NOTIFICATIONS.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    @Test
    void aDraftTellsNothing() {
        TestBilan bilan = inConclusion();
        TestBilan sentinel = inConclusion();
        finalize(sentinel);

        await().atMost(AT_MOST).until(() -> delivered(sentinel));

        assertThat(callsAbout(bilan)).isEmpty();
        assertThat(availableOf(bilan)).isNull();
    }

    @Test
    void aLostAcknowledgementIsDeliveredAgainAndTakenInOnce() {
        TestBilan bilan = inConclusion();
        NOTIFICATIONS.loseNextAcknowledgement();

        finalize(bilan);
        await().atMost(AT_MOST).until(() -> delivered(bilan));

        assertThat(callsAbout(bilan)).extracting(FakeNotificationIntake.Call::answer)
                .containsExactly(Status.Code.UNAVAILABLE, Status.Code.OK);
        assertThat(callsAbout(bilan)).extracting(FakeNotificationIntake.Call::recordedCount).containsExactly(1, 0);
        assertThat(NOTIFICATIONS.takenInAbout(bilan.id())).hasSize(1);
    }

    @Test
    void nothingIsLostWhileNotificationServiceFails() {
        TestBilan bilan = inConclusion();
        NOTIFICATIONS.failNext(Integer.MAX_VALUE);

        finalize(bilan);
        await().atMost(AT_MOST).until(() -> availableOf(bilan).getInteger("attempts") >= 3);
        assertThat(availableOf(bilan)).containsEntry("pending", true).containsEntry("lastStatus", "UNAVAILABLE");
        NOTIFICATIONS.heal();

        await().atMost(AT_MOST).until(() -> delivered(bilan));
        assertThat(NOTIFICATIONS.takenInAbout(bilan.id())).hasSize(1);
    }

    @Test
    void finalisingDoesNotWaitForANotificationServiceThatHangs() {
        TestBilan first = inConclusion();
        TestBilan second = inConclusion();
        NOTIFICATIONS.hang();
        finalize(first);
        // the relay is stuck in a call to notification-service until its deadline
        await().atMost(AT_MOST).until(() -> !callsAbout(first).isEmpty());

        long start = System.nanoTime();
        Synthesis done = finalize(second);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("FinalizeSynthesis while notification-service hangs: %s (relay deadline %s)%n", took,
                CALL_TIMEOUT);
        assertThat(ProtoTime.toInstant(done.getFinalizeTime())).isNotNull();
        assertThat(took).isLessThan(CALL_TIMEOUT);
        NOTIFICATIONS.heal();
        await().atMost(AT_MOST).until(() -> delivered(first) && delivered(second));
    }
}
