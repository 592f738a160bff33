package fr.bilan.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.bilan.notification.message.CpfDossierState;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.ReminderTimes;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;
import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;

/**
 * Who gets which digest line. Now is Monday 7 December 2026, 09:00 in Paris (centre c1, managers m1 and
 * m2, m1 also running sessions) and 12:00 in La Réunion (centre re, no manager configured).
 */
class DigestPlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final ReminderTimes TIMES = new ReminderTimes(
            centre -> ZoneId.of(centre.equals("re") ? "Indian/Reunion" : "Europe/Paris"), LocalTime.of(10, 0), Map.of());
    static final Map<String, List<String>> MANAGERS = Map.of("c1", List.of("m2", "m1"));
    /** Centre {@code al} keeps Alsace-Moselle's holidays, the others metropolitan France's. */
    static final DigestPlanner PLANNER = new DigestPlanner(TIMES, centre -> new WorkingDays(
            centre.equals("al") ? HolidayCalendar.ALSACE_MOSELLE : HolidayCalendar.METROPOLE));

    static TrackedSession held(String centre, String bilan, String consultant, int daysAgo) {
        Instant start = NOW.minusSeconds(86_400L * daysAgo);
        return new TrackedSession("b-" + bilan, centre, new Subject.Session(bilan, "s1", consultant, SessionPhase.INTAKE,
                start, start.plusSeconds(3_600), "Salle 1", null, 0, bilan + ".s1@x"), TrackedSession.SessionState.SCHEDULED,
                start);
    }

    static TrackedAgreement awaiting(String centre, String funding, String deadline) {
        return new TrackedAgreement(funding, "b-" + funding, centre, LocalDate.parse(deadline), true, NOW);
    }

    static CpfDeadlines.DueCpfDossier due(String centre, String number, String dueDate, String... consultants) {
        return new CpfDeadlines.DueCpfDossier("id-" + number, centre, List.of(consultants), number,
                CpfDossierState.VALIDATED, "Déclarer l'entrée en formation au plus tard le " + dueDate,
                LocalDate.parse(dueDate));
    }

    static String describe(Notification digest) {
        Subject.Digest subject = (Subject.Digest) digest.subject();
        return digest.centreId() + "/" + ((Recipient.Staff) digest.recipient()).accountId() + " " + subject.day() + ": "
                + subject.items().stream().map(i -> i.reference()).collect(Collectors.joining(","))
                + (subject.cpfDeadlines().isEmpty() ? "" : " cpf " + subject.cpfDeadlines().stream()
                        .map(Subject.CpfDeadlineItem::dossierNumber).collect(Collectors.joining(",")))
                + (subject.cpfUnread() ? " (cpf unread)" : "");
    }

    @Test
    void consultantsGetTheirSheetsToSignManagersTheCentresAndTheAgreementsAboutToLapse() {
        List<TrackedSession> toSign = List.of(held("c1", "a", "k1", 2), held("c1", "b", "k2", 1), held("c1", "c", "m1", 3),
                held("re", "d", "k1", 1), held("c1", "e", "k1", 1));
        List<TrackedAgreement> agreements = List.of(awaiting("c1", "f-today", "2026-12-07"),
                awaiting("c1", "f-in-two-days", "2026-12-09"), awaiting("c1", "f-in-three-days", "2026-12-10"),
                awaiting("c1", "f-lapsed", "2026-12-06"), awaiting("re", "f-re", "2026-12-08"));

        List<Notification> digests = PLANNER.plan(NOW, toSign, agreements, CpfDue.read(List.of()), MANAGERS);

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly(
                "c1/k1 2026-12-07: a,e",
                "c1/k2 2026-12-07: b",
                "c1/m1 2026-12-07: c,a,b,e,f-today,f-in-two-days",
                "c1/m2 2026-12-07: c,a,b,e,f-today,f-in-two-days",
                "re/k1 2026-12-07: d");
        assertThat(digests).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(NotificationKind.STAFF_DIGEST);
            assertThat(d.dueTime()).isEqualTo(NOW);
            assertThat(d.assessmentId()).isNull();
            assertThat(d.key()).isEqualTo("digest/" + d.centreId() + "/2026-12-07/STAFF_DIGEST/"
                    + ((Recipient.Staff) d.recipient()).accountId());
        });
        Subject.Digest managers = (Subject.Digest) digests.get(2).subject();
        assertThat(managers.items()).filteredOn(i -> i.kind() == Subject.DigestItemKind.AGREEMENT_ABOUT_TO_LAPSE)
                .extracting(Subject.DigestItem::time)
                .containsExactly(Instant.parse("2026-12-06T23:00:00Z"), Instant.parse("2026-12-08T23:00:00Z"));
    }

    @Test
    void theCpfDossiersOverdueOrDueByTheNextWorkingDayGoToTheirConsultantsAndTheCentresManagers() {
        // Monday 7 December: the next working day is Tuesday the 8th, at c1 as in La Réunion
        CpfDue cpf = CpfDue.read(List.of(due("c1", "n-later", "2026-12-09", "k1"), due("c1", "n-tomorrow", "2026-12-08", "k2"),
                due("c1", "n-today", "2026-12-07", "k1", "k2"), due("c1", "n-overdue", "2026-12-04", "k1"),
                due("c1", "n-managers-own", "2026-12-08", "m1"), due("re", "n-re", "2026-12-08", "k3"),
                due("c1", "n-nobody", "2026-12-07")));

        List<Notification> digests = PLANNER.plan(NOW, List.of(held("c1", "a", "k2", 1)), List.of(), cpf, MANAGERS);

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly(
                "c1/k1 2026-12-07:  cpf n-overdue,n-today",
                "c1/k2 2026-12-07: a cpf n-today,n-tomorrow",
                "c1/m1 2026-12-07: a cpf n-overdue,n-nobody,n-today,n-managers-own,n-tomorrow",
                "c1/m2 2026-12-07: a cpf n-overdue,n-nobody,n-today,n-managers-own,n-tomorrow",
                "re/k3 2026-12-07:  cpf n-re");
        Subject.CpfDeadlineItem line = ((Subject.Digest) digests.get(0).subject()).cpfDeadlines().get(0);
        assertThat(line).isEqualTo(new Subject.CpfDeadlineItem("id-n-overdue", "n-overdue", CpfDossierState.VALIDATED,
                "Déclarer l'entrée en formation au plus tard le 2026-12-04", LocalDate.of(2026, 12, 4)));
    }

    @Test
    void theNextWorkingDayIsInTheCentresOwnCalendar() {
        // Thursday 25 March 2027: Good Friday the 26th is a holiday in Alsace-Moselle only, Easter Monday the
        // 29th everywhere: the next working day is the 26th at c1, Tuesday the 30th at al
        Instant thursday = Instant.parse("2027-03-25T08:00:00Z");
        CpfDue cpf = CpfDue.read(List.of(due("c1", "c1-friday", "2027-03-26", "k1"), due("c1", "c1-tuesday", "2027-03-30", "k1"),
                due("al", "al-friday", "2027-03-26", "k1"), due("al", "al-tuesday", "2027-03-30", "k1"),
                due("al", "al-wednesday", "2027-03-31", "k1")));

        List<Notification> digests = PLANNER.plan(thursday, List.of(), List.of(), cpf, Map.of());

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly(
                "al/k1 2027-03-25:  cpf al-friday,al-tuesday", "c1/k1 2027-03-25:  cpf c1-friday");
        assertThat(DigestPlanner.cpfThrough(thursday)).as("what beneficiary-service is asked: every calendar's next "
                + "working day after UTC's tomorrow, the latest").isEqualTo(LocalDate.of(2027, 3, 30));
    }

    @Test
    void unreadCpfDeadlinesAreSaidToEveryManagerAndInTheDigestsThatGoAnyway() {
        List<Notification> digests = PLANNER.plan(NOW, List.of(held("re", "d", "k1", 1)), List.of(), CpfDue.unread(),
                MANAGERS);

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly(
                "c1/m1 2026-12-07:  (cpf unread)", "c1/m2 2026-12-07:  (cpf unread)", "re/k1 2026-12-07: d (cpf unread)");
    }

    @Test
    void nobodyGetsAnEmptyDigestAndACentreWithoutManagersSendsItsAgreementsToNobody() {
        List<Notification> digests = PLANNER.plan(NOW, List.of(),
                List.of(awaiting("re", "f-re", "2026-12-08"), awaiting("c1", "f-later", "2026-12-20")),
                CpfDue.read(List.of(due("re", "d-re", "2026-12-09", "k1"), due("c1", "d-later", "2026-12-09", "k1"))),
                MANAGERS);

        assertThat(digests).isEmpty();
    }

    @Test
    void theDayIsTheCentres() {
        // 21:30 UTC on the 7th is already the 8th in La Réunion
        Instant late = Instant.parse("2026-12-07T21:30:00Z");

        List<Notification> digests = PLANNER.plan(late, List.of(held("re", "d", "k1", 1),
                held("c1", "a", "k1", 1)), List.of(), CpfDue.read(List.of()), Map.of());

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly("c1/k1 2026-12-07: a",
                "re/k1 2026-12-08: d");
    }
}
