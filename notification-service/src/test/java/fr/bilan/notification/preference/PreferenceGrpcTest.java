package fr.bilan.notification.preference;

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

import fr.bilan.notification.BeneficiaryServiceStandIn;
import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.notification.v1.GetNotificationPreferencesRequest;
import fr.bilan.proto.notification.v1.NotificationPreferences;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesRequest;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Reminders turned off and on through the contract, by whom beneficiary-service says looks after the person. */
@NotificationServiceContext
class PreferenceGrpcTest extends GrpcServiceTestSupport {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final Instant START = Instant.parse("2026-12-10T13:00:00Z");

    @Autowired
    private TestClock clock;
    @Autowired
    private Notifications notifications;
    @Autowired
    private MongoDatabase database;

    private String beneficiary;
    private String account;

    @BeforeEach
    void aBeneficiary() {
        clock.set(NOW);
        beneficiary = "beneficiary-" + UUID.randomUUID();
        account = "account-" + UUID.randomUUID();
        BeneficiaryServiceStandIn.CONTACTS.put(beneficiary, "centre-lyon", "Élodie", "Durand", "elodie.durand@example.fr",
                account, "consultant-1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static NotificationServiceGrpc.NotificationServiceBlockingStub as(String token) {
        return NotificationServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    NotificationServiceGrpc.NotificationServiceBlockingStub asBeneficiary() {
        return as(TestIdentityProvider.token(account, "beneficiary"));
    }

    static UpdateNotificationPreferencesRequest reminders(String beneficiaryId, boolean enabled) {
        return UpdateNotificationPreferencesRequest.newBuilder().setBeneficiaryId(beneficiaryId)
                .setPreferences(NotificationPreferences.newBuilder().setRemindersEnabled(enabled)).build();
    }

    void book(String eventId, String sessionId) {
        NotificationIntakeServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .recordEvents(RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                        .setEventId(eventId).setOccurTime(ProtoTime.of(NOW))
                        .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId("bilan-" + beneficiary)
                                .setSessionId(sessionId).setBeneficiaryId(beneficiary).setCentreId("centre-lyon")
                                .setConsultantId("consultant-1").setPhase(SessionPhase.INVESTIGATION)
                                .setStartTime(ProtoTime.of(START)).setEndTime(ProtoTime.of(START.plusSeconds(3_600)))
                                .setVideoLink("https://visio.example/" + sessionId)
                                .setCalendarUid(sessionId + "@bilan-competences")))
                        .build());
    }

    private List<String> pending() {
        return notifications.pendingFor(new Recipient.Beneficiary(beneficiary), List.of(NotificationKind.values()))
                .stream().map(n -> n.kind() + "/" + n.subject().reference().replace("session:bilan-" + beneficiary + "/", ""))
                .toList();
    }

    @Test
    void everyReminderGoesUntilTheBeneficiaryChoosesOtherwise() {
        NotificationPreferences read = asBeneficiary().getNotificationPreferences(
                GetNotificationPreferencesRequest.newBuilder().setBeneficiaryId(beneficiary).build()).getPreferences();

        assertThat(read.getBeneficiaryId()).isEqualTo(beneficiary);
        assertThat(read.getRemindersEnabled()).isTrue();
        assertThat(read.hasUpdateTime()).isFalse();
    }

    @Test
    void turningRemindersOffWithdrawsThosePendingAndPlansNoneSinceButNoticesStillGo() {
        book("e1-" + beneficiary, "s1");
        Notification reminder = notifications.pendingFor(new Recipient.Beneficiary(beneficiary),
                List.of(NotificationKind.SESSION_REMINDER)).get(0);

        NotificationPreferences changed = asBeneficiary().updateNotificationPreferences(reminders(beneficiary, false))
                .getPreferences();
        book("e2-" + beneficiary, "s2");

        assertThat(changed.getRemindersEnabled()).isFalse();
        assertThat(changed.getUpdateTime()).isEqualTo(ProtoTime.of(NOW));
        assertThat(pending()).containsExactly("CONVOCATION/s1", "CONVOCATION/s2");
        Notification withdrawn = notifications.byId(reminder.id()).orElseThrow();
        assertThat(withdrawn.outcome()).isEqualTo(DeliveryOutcome.WITHDRAWN);
        assertThat(withdrawn.outcomeReason()).isEqualTo("Le bénéficiaire a désactivé les rappels.");
    }

    @Test
    void turningThemBackOnPlansAgainTheRemindersStillToCome() {
        book("e1-" + beneficiary, "s1");
        asBeneficiary().updateNotificationPreferences(reminders(beneficiary, false));
        book("e2-" + beneficiary, "s2");

        String consultant = TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
        NotificationPreferences changed = as(consultant).updateNotificationPreferences(reminders(beneficiary, true))
                .getPreferences();
        // again: nothing changes, nothing planned twice
        as(consultant).updateNotificationPreferences(reminders(beneficiary, true));

        assertThat(changed.getRemindersEnabled()).isTrue();
        assertThat(pending()).containsExactlyInAnyOrder("CONVOCATION/s1", "CONVOCATION/s2", "SESSION_REMINDER/s1",
                "SESSION_REMINDER/s2");
    }

    @Test
    void onlyThePersonTheirConsultantsAndTheirCentresManagersMayAndEachAccessIsRecorded() {
        String stranger = TestIdentityProvider.token("consultant-9", List.of("centre-lyon"), "consultant");
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        String otherManager = TestIdentityProvider.token("manager-2", List.of("centre-paris"), "centre-manager");
        GetNotificationPreferencesRequest get = GetNotificationPreferencesRequest.newBuilder()
                .setBeneficiaryId(beneficiary).build();

        assertThat(codeOf(() -> as(stranger).getNotificationPreferences(get))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(otherManager).updateNotificationPreferences(reminders(beneficiary, false))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(manager).getNotificationPreferences(get))).isEqualTo(Status.Code.OK);

        List<String> records = database.getCollection(AccessRecords.COLLECTION)
                .find(new Document("beneficiaryId", beneficiary)).map(d -> d.getString("actor") + " "
                        + d.getString("operation") + " " + d.getString("outcome"))
                .into(new java.util.ArrayList<>());
        assertThat(records).containsExactlyInAnyOrder("consultant-9 notification.get-preferences REFUSED",
                "manager-2 notification.update-preferences REFUSED",
                "manager-1 notification.get-preferences GRANTED");
    }

    @Test
    void anUnknownBeneficiaryIsNotFoundAndAMissingChoiceIsRefusedNamingTheField() {
        assertThat(codeOf(() -> asBeneficiary().getNotificationPreferences(GetNotificationPreferencesRequest.newBuilder()
                .setBeneficiaryId("inconnu-" + UUID.randomUUID()).build()))).isEqualTo(Status.Code.NOT_FOUND);

        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> asBeneficiary()
                .updateNotificationPreferences(UpdateNotificationPreferencesRequest.newBuilder()
                        .setBeneficiaryId(beneficiary).build()));
        assertThat(FieldErrors.of(refused)).extracting(String::valueOf)
                .containsExactly("preferences: Indiquez les choix du bénéficiaire (reminders_enabled).");
    }
}
