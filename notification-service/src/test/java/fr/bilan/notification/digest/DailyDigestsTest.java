package fr.bilan.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.notification.BeneficiaryServiceStandIn;
import fr.bilan.notification.CpfTrackingStandIn;
import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.notification.internal.v1.SessionSettled;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;

/** From the facts taken to the digests planned: a held session unsigned is listed once a day until settled. */
@NotificationServiceContext
class DailyDigestsTest extends GrpcServiceTestSupport {

    @Autowired
    private TestClock clock;
    @Autowired
    private DailyDigests digests;
    @Autowired
    private Notifications notifications;

    @AfterEach
    void resetClock() {
        clock.reset();
        BeneficiaryServiceStandIn.CPF.reset();
    }

    private static void record(NotificationEvent event) {
        NotificationIntakeServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS).recordEvents(RecordEventsRequest.newBuilder().addEvents(event).build());
    }

    @Test
    void aHeldSessionUnsignedIsInItsConsultantsDigestOnceADayUntilSettled() {
        String bilan = "bilan-" + UUID.randomUUID();
        String consultant = "consultant-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-08T09:00:00Z");
        clock.set(start.minusSeconds(86_400));
        record(NotificationEvent.newBuilder().setEventId("e0-" + bilan).setOccurTime(ProtoTime.of(clock.instant()))
                .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId(bilan).setSessionId("s1")
                        .setBeneficiaryId("b-" + bilan).setCentreId("centre-digest").setConsultantId(consultant)
                        .setPhase(SessionPhase.INTAKE).setStartTime(ProtoTime.of(start))
                        .setEndTime(ProtoTime.of(start.plusSeconds(3_600))).setRoom("Salle 1")
                        .setCalendarUid(bilan + ".s1@x"))
                .build());

        clock.set(Instant.parse("2026-12-09T06:00:00Z"));
        digests.planToday();
        digests.planToday();
        List<Notification> planned = notifications.pendingFor(new Recipient.Staff(consultant),
                List.of(NotificationKind.STAFF_DIGEST));

        assertThat(planned).singleElement().satisfies(d -> assertThat(((Subject.Digest) d.subject()).items())
                .extracting(Subject.DigestItem::reference).containsExactly(bilan));

        record(NotificationEvent.newBuilder().setEventId("e1-" + bilan).setOccurTime(ProtoTime.of(clock.instant()))
                .setSessionSettled(SessionSettled.newBuilder().setAssessmentId(bilan).setSessionId("s1")
                        .setCentreId("centre-digest"))
                .build());
        clock.set(Instant.parse("2026-12-10T06:00:00Z"));
        digests.planToday();

        assertThat(notifications.pendingFor(new Recipient.Staff(consultant), List.of(NotificationKind.STAFF_DIGEST)))
                .as("no digest the day after it was settled").hasSize(1);
    }

    @Test
    void theCpfDossiersDueAreReadFromBeneficiaryServiceWhenTheDigestsAreBuilt() {
        String consultant = "consultant-" + UUID.randomUUID();
        // Friday 11 December 2026, 07:00 in Paris: the next working day is Monday the 14th
        clock.set(Instant.parse("2026-12-11T06:00:00Z"));
        LocalDate today = LocalDate.of(2026, 12, 11);
        CpfTrackingStandIn cpf = BeneficiaryServiceStandIn.CPF;
        cpf.put("d-overdue-" + consultant, "centre-cpf", "7240000001", today.minusDays(1), today, consultant);
        cpf.put("d-monday-" + consultant, "centre-cpf", "7240000002", LocalDate.of(2026, 12, 14), today, consultant);
        cpf.put("d-other-" + consultant, "centre-cpf", "7240000003", today, today, "someone-else");
        cpf.put("d-tuesday-" + consultant, "centre-cpf", "7240000004", LocalDate.of(2026, 12, 15), today, consultant);

        digests.planToday();

        assertThat(cpf.asked).as("through the latest next working day of any calendar, page after page (three "
                + "dossiers due, two a page)").containsExactly(LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 14));
        assertThat(cpf.callers).isNotEmpty().allSatisfy(caller -> assertThat(caller.hasRole(Role.PLATFORM_SERVICE)).isTrue());
        List<Notification> planned = notifications.pendingFor(new Recipient.Staff(consultant),
                List.of(NotificationKind.STAFF_DIGEST));
        assertThat(planned).singleElement().satisfies(d -> {
            Subject.Digest digest = (Subject.Digest) d.subject();
            assertThat(digest.cpfUnread()).isFalse();
            assertThat(digest.cpfDeadlines()).extracting(Subject.CpfDeadlineItem::dossierNumber)
                    .containsExactly("7240000001", "7240000002");
            assertThat(digest.cpfDeadlines().get(0).label()).startsWith("Déclarer l'entrée en formation");
        });
    }

    @Test
    void beneficiaryServiceDownTheDigestsGoWithoutTheCpfDeadlinesAndSaySo() {
        String bilan = "bilan-" + UUID.randomUUID();
        String consultant = "consultant-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-15T09:00:00Z");
        clock.set(start.minusSeconds(86_400));
        record(NotificationEvent.newBuilder().setEventId("e0-" + bilan).setOccurTime(ProtoTime.of(clock.instant()))
                .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId(bilan).setSessionId("s1")
                        .setBeneficiaryId("b-" + bilan).setCentreId("centre-digest").setConsultantId(consultant)
                        .setPhase(SessionPhase.INTAKE).setStartTime(ProtoTime.of(start))
                        .setEndTime(ProtoTime.of(start.plusSeconds(3_600))).setRoom("Salle 1")
                        .setCalendarUid(bilan + ".s1@x"))
                .build());
        BeneficiaryServiceStandIn.CPF.down(true);

        clock.set(Instant.parse("2026-12-16T06:00:00Z"));
        int planned = digests.planToday();

        assertThat(planned).isPositive();
        assertThat(notifications.pendingFor(new Recipient.Staff(consultant), List.of(NotificationKind.STAFF_DIGEST)))
                .singleElement().satisfies(d -> {
                    Subject.Digest digest = (Subject.Digest) d.subject();
                    assertThat(digest.items()).extracting(Subject.DigestItem::reference).containsExactly(bilan);
                    assertThat(digest.cpfUnread()).isTrue();
                });
    }
}
