package fr.bilan.notification.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionCancelled;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** RecordEvents end to end: each fact taken once, a batch checked whole, platform services only. */
@NotificationServiceContext
class EventIntakeGrpcTest extends GrpcServiceTestSupport {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final Instant START = Instant.parse("2026-12-10T13:00:00Z");

    @Autowired
    private TestClock clock;
    @Autowired
    private Notifications notifications;
    @Autowired
    private MongoDatabase database;

    private String bilan;
    private String beneficiary;

    @BeforeEach
    void standStill() {
        clock.set(NOW);
        bilan = "bilan-" + UUID.randomUUID();
        beneficiary = "beneficiary-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static NotificationIntakeServiceGrpc.NotificationIntakeServiceBlockingStub intake(String token) {
        return NotificationIntakeServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static NotificationIntakeServiceGrpc.NotificationIntakeServiceBlockingStub asPlatform() {
        return intake(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    NotificationEvent scheduled(String eventId, int sequence, Instant start) {
        return NotificationEvent.newBuilder().setEventId(eventId).setOccurTime(ProtoTime.of(NOW.minusSeconds(10)))
                .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId(bilan).setSessionId("s1")
                        .setBeneficiaryId(beneficiary).setCentreId("centre-lyon").setConsultantId("consultant-1")
                        .setPhase(SessionPhase.INVESTIGATION).setStartTime(ProtoTime.of(start))
                        .setEndTime(ProtoTime.of(start.plusSeconds(7_200))).setRoom("Salle 2").setSequence(sequence)
                        .setCalendarUid(bilan + ".s1@bilan-competences"))
                .build();
    }

    /** The beneficiary's pending messages, soonest due first. */
    private List<Notification> messages() {
        return notifications.pendingFor(new Recipient.Beneficiary(beneficiary), List.of(NotificationKind.values()));
    }

    /** As the dispatcher does when the mail server takes it. */
    private void sent(Notification message) {
        assertThat(notifications.replace(message.sent("v1", NOW))).isTrue();
    }

    @Test
    void aBookedSessionPlansItsConvocationAndReminderOnceWhateverTheRedeliveries() {
        RecordEventsRequest booked = RecordEventsRequest.newBuilder().addEvents(scheduled("e-" + bilan, 0, START)).build();

        int first = asPlatform().recordEvents(booked).getRecordedCount();
        int again = asPlatform().recordEvents(booked).getRecordedCount();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(messages()).extracting(n -> n.kind() + "@" + n.dueTime()).containsExactly("CONVOCATION@" + NOW,
                "SESSION_REMINDER@2026-12-09T09:00:00Z");
    }

    @Test
    void aFactTakenButNotNotedBeforeACrashPlansNothingTwiceWhenRedelivered() {
        RecordEventsRequest booked = RecordEventsRequest.newBuilder().addEvents(scheduled("e-" + bilan, 0, START)).build();
        asPlatform().recordEvents(booked);
        // as if the process died after planning, before noting the fact
        database.getCollection(FactRepository.COLLECTION).deleteOne(new Document("_id", "e-" + bilan));

        assertThat(asPlatform().recordEvents(booked).getRecordedCount()).isEqualTo(1);

        assertThat(messages()).extracting(Notification::kind).containsExactly(NotificationKind.CONVOCATION,
                NotificationKind.SESSION_REMINDER);
    }

    @Test
    void aMoveReplacesTheReminderAndAnOlderStateArrivingLateChangesNothing() {
        Instant moved = Instant.parse("2026-12-14T09:00:00Z");
        asPlatform().recordEvents(RecordEventsRequest.newBuilder().addEvents(scheduled("e0-" + bilan, 0, START)).build());
        sent(messages().get(0));
        Notification firstReminder = messages().get(0);

        int recorded = asPlatform().recordEvents(RecordEventsRequest.newBuilder()
                .addEvents(scheduled("e1-" + bilan, 1, moved)).addEvents(scheduled("e0bis-" + bilan, 0, START)).build())
                .getRecordedCount();

        assertThat(recorded).isEqualTo(2);
        assertThat(messages()).extracting(n -> n.kind() + "@" + n.dueTime()).containsExactly("SESSION_CHANGED@" + NOW,
                "SESSION_REMINDER@2026-12-13T09:00:00Z");
        Notification withdrawn = notifications.byId(firstReminder.id()).orElseThrow();
        assertThat(withdrawn.outcome()).isEqualTo(DeliveryOutcome.WITHDRAWN);
        assertThat(withdrawn.outcomeReason()).isEqualTo("La séance a changé : un message à jour remplace celui-ci.");
    }

    @Test
    void aCancellationWithdrawsTheReminderAndTellsTheBeneficiary() {
        asPlatform().recordEvents(RecordEventsRequest.newBuilder().addEvents(scheduled("e0-" + bilan, 0, START)).build());
        sent(messages().get(0));
        NotificationEvent cancelled = NotificationEvent.newBuilder().setEventId("e1-" + bilan)
                .setOccurTime(ProtoTime.of(NOW)).setSessionCancelled(SessionCancelled.newBuilder().setAssessmentId(bilan)
                        .setSessionId("s1").setBeneficiaryId(beneficiary).setCentreId("centre-lyon")
                        .setConsultantId("consultant-1").setPhase(SessionPhase.INVESTIGATION)
                        .setStartTime(ProtoTime.of(START)).setEndTime(ProtoTime.of(START.plusSeconds(7_200)))
                        .setSequence(1).setCalendarUid(bilan + ".s1@bilan-competences"))
                .build();

        asPlatform().recordEvents(RecordEventsRequest.newBuilder().addEvents(cancelled).build());

        assertThat(messages()).extracting(Notification::kind).containsExactly(NotificationKind.SESSION_CANCELLED);
    }

    @Test
    void aMoveBeforeTheConvocationLeftConvenesOnceToTheNewTime() {
        Instant moved = Instant.parse("2026-12-14T09:00:00Z");

        asPlatform().recordEvents(RecordEventsRequest.newBuilder().addEvents(scheduled("e0-" + bilan, 0, START))
                .addEvents(scheduled("e1-" + bilan, 1, moved)).build());

        assertThat(messages()).extracting(n -> n.kind() + "@" + n.dueTime()).containsExactly("CONVOCATION@" + NOW,
                "SESSION_REMINDER@2026-12-13T09:00:00Z");
        assertThat(notifications.byKey("e0-" + bilan + "/CONVOCATION").orElseThrow().outcome())
                .isEqualTo(DeliveryOutcome.WITHDRAWN);
    }

    @Test
    void aBatchWithAWrongFactIsRefusedWholeNamingTheField() {
        NotificationEvent noStart = scheduled("e1-" + bilan, 0, START).toBuilder()
                .setSessionScheduled(scheduled("e1-" + bilan, 0, START).getSessionScheduled().toBuilder().clearStartTime())
                .build();
        NotificationEvent noFact = NotificationEvent.newBuilder().setEventId("e2-" + bilan)
                .setOccurTime(ProtoTime.of(NOW)).build();

        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> asPlatform().recordEvents(
                RecordEventsRequest.newBuilder().addEvents(scheduled("e0-" + bilan, 0, START)).addEvents(noStart)
                        .addEvents(noFact).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(FieldErrors.of(refused)).extracting(String::valueOf).containsExactly(
                "events[1].session_scheduled.start_time: Indiquez le début de la séance.",
                "events[2].fact: Indiquez le fait (séance, convention, synthèse, fin de bilan, enquête de satisfaction "
                        + "ou entretien de suivi accepté).");
        assertThat(messages()).as("nothing of the batch taken").isEmpty();
    }

    @Test
    void anEmptyBatchIsRefused() {
        var refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> asPlatform().recordEvents(RecordEventsRequest.getDefaultInstance()));

        assertThat(FieldErrors.of(refused)).extracting(String::valueOf).containsExactly("events: Indiquez au moins un fait.");
    }

    @Test
    void onlyThePlatformsServicesMayReportFacts() {
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");

        assertThat(codeOf(() -> intake(manager).recordEvents(RecordEventsRequest.newBuilder()
                .addEvents(scheduled("e0-" + bilan, 0, START)).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(messages()).isEmpty();
    }
}
