package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.proto.notification.internal.v1.AssessmentEnded;
import fr.bilan.proto.notification.internal.v1.FollowUpAccepted;
import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc.NotificationIntakeServiceBlockingStub;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.notification.internal.v1.SessionSettled;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * What the producers' outbox relays count on from notification-service's intake
 * ({@code NotificationIntakeService}), whoever answers: the real service, or
 * {@link FakeNotificationIntake} in the producers' tests. A fake passes the same tests: each fact is
 * taken in once per event id (a redelivery is acknowledged, not counted again), a batch holding a
 * fact the real one could not keep is refused whole naming the field, and only a platform service
 * may send.
 */
public abstract class NotificationIntakeContract extends GrpcServiceTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** The channel to the notification intake under test. */
    protected abstract Channel notifications();

    /** Checks that the implementation under test recorded the fact {@code eventId}, about the bilan {@code assessmentId}. */
    protected abstract void assertKeptHere(String eventId, String assessmentId);

    private NotificationIntakeServiceBlockingStub as(String token) {
        return NotificationIntakeServiceGrpc.newBlockingStub(notifications()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private NotificationIntakeServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A fact every intake takes: a bilan's action ended (no message planned from it for a bilan unknown). */
    private static NotificationEvent ended(String eventId, String assessmentId) {
        return NotificationEvent.newBuilder().setEventId(eventId).setOccurTime(ProtoTime.of(T0))
                .setAssessmentEnded(AssessmentEnded.newBuilder().setAssessmentId(assessmentId)
                        .setBeneficiaryId(newId()).setCentreId("centre-lyon"))
                .build();
    }

    private static NotificationEvent settled(String eventId, String assessmentId) {
        return NotificationEvent.newBuilder().setEventId(eventId).setOccurTime(ProtoTime.of(T0))
                .setSessionSettled(SessionSettled.newBuilder().setAssessmentId(assessmentId).setSessionId("s1")
                        .setCentreId("centre-lyon"))
                .build();
    }

    private static RecordEventsRequest batch(NotificationEvent... events) {
        return RecordEventsRequest.newBuilder().addAllEvents(List.of(events)).build();
    }

    @Test
    void theServiceUnderTestKeepsWhatItTakesIn() {
        NotificationEvent event = ended(newId(), newId());

        platform().recordEvents(batch(event));

        assertKeptHere(event.getEventId(), event.getAssessmentEnded().getAssessmentId());
    }

    @Test
    void takesAFactInOncePerEventId() {
        RecordEventsRequest request = batch(ended(newId(), newId()));

        assertThat(platform().recordEvents(request).getRecordedCount()).isEqualTo(1);
        assertThat(platform().recordEvents(request).getRecordedCount()).isZero();
    }

    @Test
    void countsOnlyTheNewFactsOfABatch() {
        String assessmentId = newId();
        NotificationEvent known = settled(newId(), assessmentId);
        platform().recordEvents(batch(known));

        assertThat(platform().recordEvents(batch(known, ended(newId(), assessmentId))).getRecordedCount()).isEqualTo(1);
    }

    @Test
    void takesAFullBatch() {
        NotificationEvent[] events = IntStream.range(0, FakeNotificationIntake.MAX_EVENTS)
                .mapToObj(i -> settled(newId(), newId())).toArray(NotificationEvent[]::new);

        assertThat(platform().recordEvents(batch(events)).getRecordedCount()).isEqualTo(FakeNotificationIntake.MAX_EVENTS);
    }

    @Test
    void refusesAnEmptyOrOversizedBatchNamingTheField() {
        NotificationEvent[] tooMany = Collections.nCopies(FakeNotificationIntake.MAX_EVENTS + 1, settled(newId(), newId()))
                .toArray(NotificationEvent[]::new);

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch()))).containsExactly("events");
        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(tooMany)))).contains("events");
    }

    /** Event ids the real service refuses: a producer making one must fail its own tests. */
    static List<String> eventIdsItCannotKeep() {
        return List.of("", "   ", "x".repeat(FakeNotificationIntake.MAX_EVENT_ID_LENGTH + 1), "a\nb", "a\tb", "a\u0000b");
    }

    @ParameterizedTest
    @MethodSource("eventIdsItCannotKeep")
    void refusesTheWholeBatchForAnEventIdItCannotKeepNamingTheField(String eventId) {
        NotificationEvent good = ended(newId(), newId());

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(good, ended(eventId, newId())))))
                .containsExactly("events[1].event_id");
        assertThat(platform().recordEvents(batch(good)).getRecordedCount()).as("nothing of the refused batch was kept")
                .isEqualTo(1);
    }

    @Test
    void refusesAFactWithoutItsTimeNamingTheField() {
        NotificationEvent untimed = ended(newId(), newId()).toBuilder().clearOccurTime().build();

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(untimed))))
                .containsExactly("events[0].occur_time");
    }

    @Test
    void refusesAFactWithoutItsIdentifiersOrWithoutAFactNamingTheField() {
        NotificationEvent noSession = settled(newId(), newId()).toBuilder()
                .setSessionSettled(SessionSettled.newBuilder().setAssessmentId(newId()).setCentreId("centre-lyon")).build();
        NotificationEvent noFact = ended(newId(), newId()).toBuilder().clearAssessmentEnded().build();

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(noSession, noFact))))
                .containsExactly("events[0].session_settled.session_id", "events[1].fact");
    }

    @Test
    void refusesASessionWithoutItsPlaceOrCalendarUidNamingTheField() {
        SessionScheduled.Builder session = SessionScheduled.newBuilder().setAssessmentId(newId()).setSessionId("s1")
                .setBeneficiaryId(newId()).setCentreId("centre-lyon").setConsultantId("c1").setPhase(SessionPhase.INTAKE)
                .setStartTime(ProtoTime.of(T0)).setEndTime(ProtoTime.of(T0.plusSeconds(7200)));
        NotificationEvent nowhere = NotificationEvent.newBuilder().setEventId(newId()).setOccurTime(ProtoTime.of(T0))
                .setSessionScheduled(session).build();

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(nowhere))))
                .containsExactlyInAnyOrder("events[0].session_scheduled.room", "events[0].session_scheduled.calendar_uid");
        NotificationEvent placed = nowhere.toBuilder().setSessionScheduled(session.setRoom("salle-1")
                .setCalendarUid("a.s1@bilan-competences")).build();
        assertThat(platform().recordEvents(batch(placed)).getRecordedCount()).isEqualTo(1);
    }

    @Test
    void takesAFollowUpAcceptedOncePerEventId() {
        String eventId = newId();
        String assessmentId = newId();
        NotificationEvent accepted = NotificationEvent.newBuilder().setEventId(eventId).setOccurTime(ProtoTime.of(T0))
                .setFollowUpAccepted(FollowUpAccepted.newBuilder().setAssessmentId(assessmentId).setBeneficiaryId(newId())
                        .setCentreId("centre-lyon").setConsultantId("c1").setDueDate(ProtoDates.of(LocalDate.of(2027, 6, 1))))
                .build();

        assertThat(platform().recordEvents(batch(accepted)).getRecordedCount()).isEqualTo(1);
        assertThat(platform().recordEvents(batch(accepted)).getRecordedCount()).isZero();
        assertKeptHere(eventId, assessmentId);
    }

    @Test
    void refusesAFundersSurveyOrAFollowUpWithoutWhatItNeedsNamingTheField() {
        NotificationEvent survey = NotificationEvent.newBuilder().setEventId(newId()).setOccurTime(ProtoTime.of(T0))
                .setFunderSurveyInvitation(FunderSurveyInvitation.newBuilder().setSurveyId(newId())
                        .setCentreId("centre-lyon").setFunderName("OPCO Atlas").setEmailAddress("alex.durand")
                        .setYear(2026).setLinkUrl("https://bilan.example/api/v1/surveyPages/t")
                        .setExpireTime(ProtoTime.of(T0.plusSeconds(86_400))))
                .build();
        NotificationEvent followUp = NotificationEvent.newBuilder().setEventId(newId()).setOccurTime(ProtoTime.of(T0))
                .setFollowUpAccepted(FollowUpAccepted.newBuilder().setAssessmentId(newId()).setBeneficiaryId(newId())
                        .setCentreId("centre-lyon").setConsultantId("c1"))
                .build();

        assertThat(FieldErrors.fieldsOf(() -> platform().recordEvents(batch(survey, followUp)))).containsExactlyInAnyOrder(
                "events[0].funder_survey_invitation.contact_name", "events[0].funder_survey_invitation.email_address",
                "events[1].follow_up_accepted.due_date");
    }

    @Test
    void takesTheLongestEventIdItKeeps() {
        String longest = "x".repeat(FakeNotificationIntake.MAX_EVENT_ID_LENGTH - 36) + newId();

        assertThat(platform().recordEvents(batch(ended(longest, newId()))).getRecordedCount()).isEqualTo(1);
    }

    @Test
    void onlyAPlatformServiceMaySend() {
        for (String role : List.of("beneficiary", "consultant", "centre-manager", "network-admin", "auditor")) {
            assertThat(codeOf(() -> as(TestIdentityProvider.token("someone", role))
                    .recordEvents(batch(ended(newId(), newId()))))).as(role)
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> NotificationIntakeServiceGrpc.newBlockingStub(notifications())
                .withDeadlineAfter(10, TimeUnit.SECONDS).recordEvents(batch(ended(newId(), newId())))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
}
