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
import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.v1.CpfDeadline;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineAction;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner;
import fr.bilan.proto.beneficiary.v1.CpfDossierState;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.notification.internal.v1.SessionSettled;
import fr.bilan.support.testing.FakeCpfTracking;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
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
        BeneficiaryServiceStandIn.CPF.heal();
    }

    /** A dossier with a deadline of the centre due on {@code due}, its beneficiary followed by {@code consultants}. */
    private static DueCpfDossier due(String dossierId, String number, LocalDate due, LocalDate today,
            String... consultants) {
        return DueCpfDossier.newBuilder().setDossierId(dossierId).setCentreId("centre-cpf")
                .setBeneficiaryId("beneficiary-of-" + dossierId).addAllConsultantIds(List.of(consultants))
                .setDossierNumber(number).setState(CpfDossierState.ACCEPTED)
                .setDeadline(CpfDeadline.newBuilder().setAction(CpfDeadlineAction.DECLARE_ENTRY)
                        .setOwner(CpfDeadlineOwner.CENTRE).setDueDate(ProtoDates.of(due)).setOverdue(due.isBefore(today))
                        .setLabel("Déclarer l'entrée en formation au plus tard le " + due))
                .build();
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
        FakeCpfTracking cpf = BeneficiaryServiceStandIn.CPF;
        cpf.due(due("d-overdue-" + consultant, "7240000001", today.minusDays(1), today, consultant),
                due("d-monday-" + consultant, "7240000002", LocalDate.of(2026, 12, 14), today, consultant),
                due("d-other-" + consultant, "7240000003", today, today, "someone-else"),
                due("d-tuesday-" + consultant, "7240000004", LocalDate.of(2026, 12, 15), today, consultant));
        int before = cpf.listCalls().size();

        digests.planToday();

        assertThat(cpf.listCalls().subList(before, cpf.listCalls().size()))
                .extracting(request -> LocalDate.of(request.getThroughDate().getYear(),
                        request.getThroughDate().getMonth(), request.getThroughDate().getDay()))
                .as("through the latest next working day of any calendar, page after page (three dossiers due, two "
                        + "a page)").containsExactly(LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 14));
        // the service's own token, taken as beneficiary-service takes it (role platform-service)
        assertThat(cpf.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
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
        // the one call the digests make fails
        BeneficiaryServiceStandIn.CPF.failNext(1);

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
