package fr.bilan.session.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.CancelSessionRequest;
import fr.bilan.proto.session.v1.MarkAbsentRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ReassignConsultantRequest;
import fr.bilan.proto.session.v1.RescheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.FakeNotificationIntake;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * The session notices' relay, from the service's own RPCs to notification-service's intake
 * ({@link FakeNotificationIntake}): what each change of a bilan's sessions tells, once each; what
 * survives a receiver that fails or hangs; and that the RPCs do not wait for it.
 */
@DirtiesContext
class SessionNoticeRelayTest extends SessionServiceTestSupport {

    private static final FakeNotificationIntake NOTIFICATIONS = FakeNotificationIntake.started();
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    /** The relay's deadline per call: what an RPC waiting for notification-service would take. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Autowired
    private ServiceToken serviceToken;

    @DynamicPropertySource
    static void relayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("spring.grpc.client.channel.notification.target", () -> "127.0.0.1:" + NOTIFICATIONS.port);
        registry.add("bilan.outbox.poll-interval", () -> "50ms");
        registry.add("bilan.outbox.initial-backoff", () -> "100ms");
        registry.add("bilan.outbox.max-backoff", () -> "400ms");
        registry.add("bilan.outbox.call-timeout", () -> CALL_TIMEOUT.toMillis() + "ms");
    }

    @BeforeEach
    void fetchTheServiceToken() {
        // the first fetch takes seconds on a cold JVM: the tests expect notification-service's answers
        await().atMost(AT_MOST).ignoreExceptions().until(() -> !serviceToken.accessToken().isEmpty());
    }

    @AfterEach
    void healNotifications() {
        NOTIFICATIONS.heal();
    }

    private Document noticesOf(String assessmentId) {
        return database.getCollection("assessments").find(Filters.eq("_id", assessmentId)).first()
                .get("notices", Document.class);
    }

    /** Whether the bilan's facts as they stand were acknowledged. */
    private boolean delivered(String assessmentId) {
        Document notices = noticesOf(assessmentId);
        return notices != null && !notices.containsKey("pending") && notices.getDate("deliveredTime") != null;
    }

    private void awaitDelivered(String assessmentId) {
        await().atMost(AT_MOST).until(() -> delivered(assessmentId));
    }

    private static List<NotificationEvent> told(Assessment bilan) {
        return NOTIFICATIONS.takenInAbout(bilan.getId());
    }

    private static NotificationEvent last(Assessment bilan) {
        List<NotificationEvent> told = told(bilan);
        return told.get(told.size() - 1);
    }

    private static Session reschedule(String consultant, Assessment bilan, Session session, String localStart) {
        return assessments(consultant(consultant)).rescheduleSession(RescheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(session.getId())
                .setStartTime(ProtoTime.of(paris(localStart))).build()).getSession();
    }

    private static void cancel(String consultant, Assessment bilan, Session session) {
        assessments(consultant(consultant)).cancelSession(CancelSessionRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(session.getId()).setReason("Le bénéficiaire est malade.").build());
    }

    @Test
    void tellsEveryChangeOfTheSessionsOnceAsTheServiceItself() {
        String consultant = newConsultantId();
        String successor = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;

        Session first = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, room));
        awaitDelivered(bilan.getId());
        var booked = last(bilan).getSessionScheduled();
        assertThat(booked.getSessionId()).isEqualTo(first.getId());
        assertThat(booked.getBeneficiaryId()).isEqualTo(bilan.getBeneficiaryId());
        assertThat(booked.getCentreId()).isEqualTo(CENTRE);
        assertThat(booked.getConsultantId()).isEqualTo(consultant);
        assertThat(booked.getPhase()).isEqualTo(SessionPhase.INTAKE);
        assertThat(ProtoTime.toInstant(booked.getStartTime())).isEqualTo(paris("2026-11-25T10:00"));
        assertThat(ProtoTime.toInstant(booked.getEndTime())).isEqualTo(paris("2026-11-25T12:00"));
        assertThat(booked.getRoom()).isEqualTo(room);
        assertThat(booked.getVideoLink()).isEmpty();
        assertThat(booked.getSequence()).isZero();
        // the feed's UID (CalendarFeedGrpcTest reads the same in the feed itself)
        assertThat(booked.getCalendarUid()).isEqualTo(bilan.getId() + "." + first.getId() + "@bilan-competences");
        assertThat(ProtoTime.toInstant(last(bilan).getOccurTime())).isEqualTo(NOW);

        Session second = book(consultant, bilan, session(Phase.INTAKE, "2026-11-27T10:00", TWO_HOURS, room));
        awaitDelivered(bilan.getId());
        // the bilan's facts as they stand went again: the first booking was acknowledged, not told twice
        FakeNotificationIntake.Call call = NOTIFICATIONS.calls().get(NOTIFICATIONS.calls().size() - 1);
        assertThat(call.events()).hasSize(2);
        assertThat(call.recordedCount()).isEqualTo(1);
        assertThat(last(bilan).getSessionScheduled().getSessionId()).isEqualTo(second.getId());

        reschedule(consultant, bilan, first, "2026-12-01T10:00");
        awaitDelivered(bilan.getId());
        var moved = last(bilan).getSessionScheduled();
        assertThat(List.of(moved.getSessionId(), moved.getSequence())).containsExactly(first.getId(), 1);
        assertThat(ProtoTime.toInstant(moved.getStartTime())).isEqualTo(paris("2026-12-01T10:00"));
        assertThat(moved.getCalendarUid()).isEqualTo(booked.getCalendarUid());

        cancel(consultant, bilan, second);
        awaitDelivered(bilan.getId());
        var cancelled = last(bilan).getSessionCancelled();
        assertThat(List.of(cancelled.getSessionId(), cancelled.getSequence())).containsExactly(second.getId(), 1);
        assertThat(cancelled.getConsultantId()).isEqualTo(consultant);

        assessments(manager()).reassignConsultant(ReassignConsultantRequest.newBuilder().setId(bilan.getId())
                .setConsultantId(successor).build());
        awaitDelivered(bilan.getId());
        var reassigned = last(bilan).getSessionScheduled();
        assertThat(List.of(reassigned.getSessionId(), reassigned.getConsultantId(), reassigned.getSequence()))
                .containsExactly(first.getId(), successor, 1);

        clock.set(paris("2026-12-01T12:30"));
        assessments(consultant(successor)).markAbsent(MarkAbsentRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(first.getId()).build());
        awaitDelivered(bilan.getId());
        assertThat(last(bilan).getSessionSettled().getSessionId()).isEqualTo(first.getId());

        assessments(manager()).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.ABANDONED).setReason("Le bénéficiaire ne donne plus de nouvelles.").build());
        awaitDelivered(bilan.getId());
        assertThat(last(bilan).getAssessmentEnded().getBeneficiaryId()).isEqualTo(bilan.getBeneficiaryId());

        assertThat(told(bilan)).extracting(NotificationEvent::getFactCase).containsExactly(
                NotificationEvent.FactCase.SESSION_SCHEDULED, NotificationEvent.FactCase.SESSION_SCHEDULED,
                NotificationEvent.FactCase.SESSION_SCHEDULED, NotificationEvent.FactCase.SESSION_CANCELLED,
                NotificationEvent.FactCase.SESSION_SCHEDULED, NotificationEvent.FactCase.SESSION_SETTLED,
                NotificationEvent.FactCase.ASSESSMENT_ENDED);
        assertThat(NOTIFICATIONS.calls()).filteredOn(c -> c.events().stream()
                        .anyMatch(event -> FakeNotificationIntake.subjectOf(event).equals(bilan.getId())))
                .extracting(FakeNotificationIntake.Call::answer).containsOnly(Status.Code.OK);
        assertThat(NOTIFICATIONS.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    @Test
    void aChangeThatMakesNoNewFactTellsNothing() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        Session session = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS,
                "salle-" + consultant));
        awaitDelivered(bilan.getId());
        Document before = noticesOf(bilan.getId());
        long versionBefore = versionOf(bilan.getId());
        clock.set(paris("2026-11-25T10:30"));

        // one signature of two: the bilan is written, the session still needs the other
        sign(consultant(consultant), bilan, session);

        assertThat(versionOf(bilan.getId())).isGreaterThan(versionBefore);
        assertThat(noticesOf(bilan.getId())).isEqualTo(before);
        assertThat(NOTIFICATIONS.callsAbout(bilan.getId())).isEqualTo(1);

        sign(beneficiaryLogin(beneficiary), bilan, session);
        awaitDelivered(bilan.getId());
        assertThat(last(bilan).getSessionSettled().getSessionId()).isEqualTo(session.getId());
        assertThat(NOTIFICATIONS.callsAbout(bilan.getId())).isEqualTo(2);
    }

    private long versionOf(String assessmentId) {
        return database.getCollection("assessments").find(Filters.eq("_id", assessmentId)).first().getLong("version");
    }

    private static void sign(String token, Assessment bilan, Session session) {
        assessments(token).signAttendance(SignAttendanceRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(session.getId()).setMethod(SignatureMethod.IN_APP_SIGNATURE).build());
    }

    @Test
    void aLostAcknowledgementIsDeliveredAgainAndTakenInOnce() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        NOTIFICATIONS.loseNextAcknowledgement();

        book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, "salle-" + consultant));
        clock.reset();
        awaitDelivered(bilan.getId());

        List<FakeNotificationIntake.Call> calls = NOTIFICATIONS.calls().stream().filter(call -> call.events().stream()
                .anyMatch(event -> FakeNotificationIntake.subjectOf(event).equals(bilan.getId()))).toList();
        assertThat(calls).extracting(FakeNotificationIntake.Call::answer)
                .containsExactly(Status.Code.UNAVAILABLE, Status.Code.OK);
        assertThat(calls).extracting(FakeNotificationIntake.Call::recordedCount).containsExactly(1, 0);
        assertThat(calls.get(0).events()).isEqualTo(calls.get(1).events());
        assertThat(told(bilan)).hasSize(1);
        assertThat(noticesOf(bilan.getId()).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void nothingIsLostWhileNotificationServiceFailsAndTheLatestStateGoesOnceBack() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        NOTIFICATIONS.failNext(Integer.MAX_VALUE);

        Session kept = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, room));
        Session dropped = book(consultant, bilan, session(Phase.INTAKE, "2026-11-27T10:00", TWO_HOURS, room));
        cancel(consultant, bilan, dropped);
        clock.reset();
        await().atMost(AT_MOST).until(() -> noticesOf(bilan.getId()).getInteger("attempts") >= 3);
        assertThat(noticesOf(bilan.getId())).containsEntry("pending", true).containsEntry("lastStatus", "UNAVAILABLE");
        assertThat(told(bilan)).isEmpty();

        NOTIFICATIONS.heal();
        awaitDelivered(bilan.getId());

        assertThat(told(bilan)).extracting(NotificationEvent::getFactCase).containsExactly(
                NotificationEvent.FactCase.SESSION_SCHEDULED, NotificationEvent.FactCase.SESSION_CANCELLED);
        assertThat(told(bilan).get(0).getSessionScheduled().getSessionId()).isEqualTo(kept.getId());
        assertThat(told(bilan).get(1).getSessionCancelled().getSessionId()).isEqualTo(dropped.getId());
    }

    @Test
    void theRpcsDoNotWaitForANotificationServiceThatHangs() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        NOTIFICATIONS.hang();
        int callsBefore = NOTIFICATIONS.calls().size();
        Session first = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, room));
        // the relay is stuck in a call to notification-service until its deadline
        await().atMost(AT_MOST).until(() -> NOTIFICATIONS.calls().size() > callsBefore);
        Instant hangStart = Instant.now();

        List<Duration> took = new ArrayList<>();
        took.add(timed(() -> book(consultant, bilan, session(Phase.INTAKE, "2026-11-27T10:00", TWO_HOURS, room))));
        took.add(timed(() -> reschedule(consultant, bilan, first, "2026-12-01T10:00")));
        took.add(timed(() -> cancel(consultant, bilan, first)));
        Duration during = Duration.between(hangStart, Instant.now());

        System.out.printf("Session RPCs while notification-service hangs: %s (relay deadline %s)%n", took, CALL_TIMEOUT);
        // waiting for the hanging call would take its whole deadline, each
        assertThat(during).isLessThan(CALL_TIMEOUT);
        assertThat(took).allSatisfy(duration -> assertThat(duration).isLessThan(CALL_TIMEOUT.dividedBy(5)));
        assertThat(noticesOf(bilan.getId())).containsEntry("pending", true);

        NOTIFICATIONS.heal();
        clock.reset();
        awaitDelivered(bilan.getId());
        // as things stand, in time order: the second on the 27th, the first (moved to the 1st) cancelled
        assertThat(told(bilan)).extracting(NotificationEvent::getFactCase).containsExactly(
                NotificationEvent.FactCase.SESSION_SCHEDULED, NotificationEvent.FactCase.SESSION_CANCELLED);
        assertThat(told(bilan).get(1).getSessionCancelled().getSequence()).isEqualTo(2);
    }

    @Test
    void indexesTheDuePendingNoticesAtStartUp() {
        assertThat(database.getCollection("assessments").listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>())).contains(new Document("notices.pending", 1).append("notices.nextAttemptTime", 1));
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
