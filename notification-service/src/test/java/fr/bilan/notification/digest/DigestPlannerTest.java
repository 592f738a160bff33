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

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.ReminderTimes;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;

/**
 * Who gets which digest line. Now is Monday 7 December 2026, 09:00 in Paris (centre c1, managers m1 and
 * m2, m1 also running sessions) and 12:00 in La Réunion (centre re, no manager configured).
 */
class DigestPlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final ReminderTimes TIMES = new ReminderTimes(
            centre -> ZoneId.of(centre.equals("re") ? "Indian/Reunion" : "Europe/Paris"), LocalTime.of(10, 0), Map.of());
    static final Map<String, List<String>> MANAGERS = Map.of("c1", List.of("m2", "m1"));

    static TrackedSession held(String centre, String bilan, String consultant, int daysAgo) {
        Instant start = NOW.minusSeconds(86_400L * daysAgo);
        return new TrackedSession("b-" + bilan, centre, new Subject.Session(bilan, "s1", consultant, SessionPhase.INTAKE,
                start, start.plusSeconds(3_600), "Salle 1", null, 0, bilan + ".s1@x"), TrackedSession.SessionState.SCHEDULED,
                start);
    }

    static TrackedAgreement awaiting(String centre, String funding, String deadline) {
        return new TrackedAgreement(funding, "b-" + funding, centre, LocalDate.parse(deadline), true, NOW);
    }

    static String describe(Notification digest) {
        Subject.Digest subject = (Subject.Digest) digest.subject();
        return digest.centreId() + "/" + ((Recipient.Staff) digest.recipient()).accountId() + " " + subject.day() + ": "
                + subject.items().stream().map(i -> i.reference()).collect(Collectors.joining(","));
    }

    @Test
    void consultantsGetTheirSheetsToSignManagersTheCentresAndTheAgreementsAboutToLapse() {
        List<TrackedSession> toSign = List.of(held("c1", "a", "k1", 2), held("c1", "b", "k2", 1), held("c1", "c", "m1", 3),
                held("re", "d", "k1", 1), held("c1", "e", "k1", 1));
        List<TrackedAgreement> agreements = List.of(awaiting("c1", "f-today", "2026-12-07"),
                awaiting("c1", "f-in-two-days", "2026-12-09"), awaiting("c1", "f-in-three-days", "2026-12-10"),
                awaiting("c1", "f-lapsed", "2026-12-06"), awaiting("re", "f-re", "2026-12-08"));

        List<Notification> digests = new DigestPlanner(TIMES).plan(NOW, toSign, agreements,
                centre -> MANAGERS.getOrDefault(centre, List.of()));

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
    void nobodyGetsAnEmptyDigestAndACentreWithoutManagersSendsItsAgreementsToNobody() {
        List<Notification> digests = new DigestPlanner(TIMES).plan(NOW, List.of(),
                List.of(awaiting("re", "f-re", "2026-12-08"), awaiting("c1", "f-later", "2026-12-20")),
                centre -> MANAGERS.getOrDefault(centre, List.of()));

        assertThat(digests).isEmpty();
    }

    @Test
    void theDayIsTheCentres() {
        // 21:30 UTC on the 7th is already the 8th in La Réunion
        Instant late = Instant.parse("2026-12-07T21:30:00Z");

        List<Notification> digests = new DigestPlanner(TIMES).plan(late, List.of(held("re", "d", "k1", 1),
                held("c1", "a", "k1", 1)), List.of(), centre -> List.of());

        assertThat(digests).extracting(DigestPlannerTest::describe).containsExactly("c1/k1 2026-12-07: a",
                "re/k1 2026-12-08: d");
    }
}
