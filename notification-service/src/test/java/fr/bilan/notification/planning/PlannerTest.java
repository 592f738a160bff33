package fr.bilan.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;
import fr.bilan.notification.tracking.TrackedSession.SessionState;

/**
 * What each fact plans and withdraws, case by case. Now is Monday 7 December 2026, 09:00 in Paris
 * (centre c1, reminders at 10:00 by default); centre re is in La Réunion with its own hour, 18:00.
 */
class PlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final Instant BEFORE = NOW.minusSeconds(3_600);
    /** Thursday 10 December, 14:00-16:00 in Paris. */
    static final Instant START = Instant.parse("2026-12-10T13:00:00Z");
    static final Instant END = START.plusSeconds(7_200);
    static final ReminderTimes TIMES = new ReminderTimes(
            centre -> ZoneId.of(centre.equals("re") ? "Indian/Reunion" : "Europe/Paris"), LocalTime.of(10, 0),
            Map.of("re", LocalTime.of(18, 0)));

    static Subject.Session session(int sequence, Instant start, String consultant) {
        return new Subject.Session("a1", "s1", consultant, SessionPhase.INVESTIGATION, start, start.plusSeconds(7_200),
                "Salle 2", null, sequence, "a1.s1@bilan-competences");
    }

    static Fact scheduled(int sequence, Instant start) {
        return new Fact.SessionScheduled("b1", "c1", session(sequence, start, "k1"));
    }

    static Fact cancelled(int sequence, Instant start) {
        return new Fact.SessionCancelled("a1", "s1", "b1", "c1", "k1", SessionPhase.INVESTIGATION, start,
                start.plusSeconds(7_200), sequence, "a1.s1@bilan-competences");
    }

    static TrackedSession known(int sequence, SessionState state) {
        return new TrackedSession("b1", "c1", session(sequence, START, "k1"), state, BEFORE);
    }

    static Notification pending(NotificationKind kind) {
        Subject subject = kind == NotificationKind.AGREEMENT_SIGNATURE_REMINDER
                || kind == NotificationKind.AGREEMENT_AWAITING_SIGNATURE
                        ? new Subject.Agreement("f1", LocalDate.of(2026, 12, 17))
                        : session(0, START, "k1");
        return Notification.planned("old-" + kind, "old/" + kind, kind, "c1", new Recipient.Beneficiary("b1"), "a1",
                subject, kind.reminder() ? START.minusSeconds(86_400) : BEFORE);
    }

    static TrackedAgreement agreement(LocalDate deadline, boolean awaiting, Instant occur) {
        return new TrackedAgreement("f1", "b1", "c1", deadline, awaiting, occur);
    }

    /** A row: the fact, what is known, what it plans (kind@due), withdraws (kinds), and keeps. */
    static Arguments row(String name, Fact fact, Optional<TrackedSession> session, Optional<TrackedAgreement> agreement,
            List<NotificationKind> pendingKinds, boolean reminders, List<String> planned, List<NotificationKind> withdrawn,
            String kept) {
        return Arguments.of(name, fact, new Situation(session, agreement,
                pendingKinds.stream().map(PlannerTest::pending).toList(), reminders, NOW), planned, withdrawn, kept);
    }

    static final List<NotificationKind> NONE = List.of();
    static final Optional<TrackedSession> UNKNOWN = Optional.empty();
    static final Optional<TrackedAgreement> NO_AGREEMENT = Optional.empty();
    static final NotificationKind CONVOCATION = NotificationKind.CONVOCATION;
    static final NotificationKind REMINDER = NotificationKind.SESSION_REMINDER;
    static final NotificationKind AWAITING = NotificationKind.AGREEMENT_AWAITING_SIGNATURE;
    static final NotificationKind AGREEMENT_REMINDER = NotificationKind.AGREEMENT_SIGNATURE_REMINDER;
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 17);

    static Stream<Arguments> facts() {
        Instant moved = Instant.parse("2026-12-14T09:00:00Z");
        return Stream.of(
                // sessions
                row("booked: convocation now, reminder the day before at 10:00 Paris", scheduled(0, START), UNKNOWN,
                        NO_AGREEMENT, NONE, true, List.of("CONVOCATION@" + NOW, "SESSION_REMINDER@2026-12-09T09:00:00Z"),
                        NONE, "session SCHEDULED"),
                row("booked, reminders turned off: the convocation alone", scheduled(0, START), UNKNOWN, NO_AGREEMENT,
                        NONE, false, List.of("CONVOCATION@" + NOW), NONE, "session SCHEDULED"),
                row("booked for tomorrow 08:00: the reminder today at 10:00 still comes",
                        scheduled(0, Instant.parse("2026-12-08T07:00:00Z")), UNKNOWN, NO_AGREEMENT, NONE, true,
                        List.of("CONVOCATION@" + NOW, "SESSION_REMINDER@2026-12-07T09:00:00Z"), NONE, "session SCHEDULED"),
                row("booked for this afternoon: no reminder, its time passed",
                        scheduled(0, Instant.parse("2026-12-07T14:00:00Z")), UNKNOWN, NO_AGREEMENT, NONE, true,
                        List.of("CONVOCATION@" + NOW), NONE, "session SCHEDULED"),
                row("booked in La Réunion: the day before at 18:00 there",
                        new Fact.SessionScheduled("b1", "re", session(0, START, "k1")), UNKNOWN, NO_AGREEMENT, NONE, true,
                        List.of("CONVOCATION@" + NOW, "SESSION_REMINDER@2026-12-09T14:00:00Z"), NONE, "session SCHEDULED"),
                row("a session already started: nothing sent, kept for the digest", scheduled(0, NOW.minusSeconds(60)),
                        UNKNOWN, NO_AGREEMENT, NONE, true, List.of(), NONE, "session SCHEDULED"),
                row("moved after its convocation: a change, the old reminder withdrawn", scheduled(1, moved),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true,
                        List.of("SESSION_CHANGED@" + NOW, "SESSION_REMINDER@2026-12-13T09:00:00Z"), List.of(REMINDER),
                        "session SCHEDULED"),
                row("moved before its convocation left: a convocation replaces it", scheduled(1, moved),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(CONVOCATION, REMINDER), true,
                        List.of("CONVOCATION@" + NOW, "SESSION_REMINDER@2026-12-13T09:00:00Z"),
                        List.of(CONVOCATION, REMINDER), "session SCHEDULED"),
                row("given to another consultant, same sequence: a change",
                        new Fact.SessionScheduled("b1", "c1", session(0, START, "k2")),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true,
                        List.of("SESSION_CHANGED@" + NOW, "SESSION_REMINDER@2026-12-09T09:00:00Z"), List.of(REMINDER),
                        "session SCHEDULED"),
                row("moved to a time already past: nothing announced, pending ones withdrawn",
                        scheduled(1, NOW.minusSeconds(600)), Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT,
                        List.of(REMINDER), true, List.of(), List.of(REMINDER), "session SCHEDULED"),
                row("an older sequence than known changes nothing", scheduled(1, moved),
                        Optional.of(known(2, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true, List.of(),
                        NONE, "nothing"),
                row("the same state again (another event id) changes nothing", scheduled(0, START),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true, List.of(),
                        NONE, "nothing"),
                row("a state older than its cancellation changes nothing", scheduled(1, moved),
                        Optional.of(known(1, SessionState.CANCELLED)), NO_AGREEMENT, NONE, true, List.of(), NONE,
                        "nothing"),
                row("rebooked after its cancellation: a new convocation", scheduled(2, moved),
                        Optional.of(known(1, SessionState.CANCELLED)), NO_AGREEMENT, NONE, true,
                        List.of("CONVOCATION@" + NOW, "SESSION_REMINDER@2026-12-13T09:00:00Z"), NONE, "session SCHEDULED"),
                row("a session of an ended bilan: nothing", scheduled(1, moved), Optional.of(known(0, SessionState.ENDED)),
                        NO_AGREEMENT, NONE, true, List.of(), NONE, "nothing"),
                row("cancelled after its convocation: the notice, the reminder withdrawn", cancelled(1, START),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true,
                        List.of("SESSION_CANCELLED@" + NOW), List.of(REMINDER), "session CANCELLED"),
                row("cancelled before its convocation left: neither is sent", cancelled(1, START),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(CONVOCATION, REMINDER), true,
                        List.of(), List.of(CONVOCATION, REMINDER), "session CANCELLED"),
                row("cancelled once started: no notice", cancelled(1, NOW.minusSeconds(60)),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, NONE, true, List.of(), NONE,
                        "session CANCELLED"),
                row("a cancellation older than the known state changes nothing", cancelled(1, START),
                        Optional.of(known(3, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true, List.of(),
                        NONE, "nothing"),
                row("a cancellation taken twice changes nothing", cancelled(1, START),
                        Optional.of(known(1, SessionState.CANCELLED)), NO_AGREEMENT, NONE, true, List.of(), NONE, "nothing"),
                row("cancelled, never heard of before: the notice", cancelled(1, START), UNKNOWN, NO_AGREEMENT, NONE, true,
                        List.of("SESSION_CANCELLED@" + NOW), NONE, "session CANCELLED"),
                row("settled: its pending reminder withdrawn, out of the digest", new Fact.SessionSettled("a1", "s1", "c1"),
                        Optional.of(known(0, SessionState.SCHEDULED)), NO_AGREEMENT, List.of(REMINDER), true, List.of(),
                        List.of(REMINDER), "session SETTLED"),
                row("settled, never heard of: nothing", new Fact.SessionSettled("a1", "s1", "c1"), UNKNOWN, NO_AGREEMENT,
                        NONE, true, List.of(), NONE, "nothing"),
                // agreements
                row("awaiting signature: the notice now, the reminder two days before the last day at 10:00",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", DEADLINE), UNKNOWN, NO_AGREEMENT, NONE, true,
                        List.of("AGREEMENT_AWAITING_SIGNATURE@" + NOW, "AGREEMENT_SIGNATURE_REMINDER@2026-12-15T09:00:00Z"),
                        NONE, "agreement awaiting until 2026-12-17"),
                row("awaiting, reminders turned off: the notice alone",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", DEADLINE), UNKNOWN, NO_AGREEMENT, NONE, false,
                        List.of("AGREEMENT_AWAITING_SIGNATURE@" + NOW), NONE, "agreement awaiting until 2026-12-17"),
                row("awaiting, last day tomorrow: no reminder, its time passed",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", LocalDate.of(2026, 12, 8)), UNKNOWN,
                        NO_AGREEMENT, NONE, true, List.of("AGREEMENT_AWAITING_SIGNATURE@" + NOW), NONE,
                        "agreement awaiting until 2026-12-08"),
                row("awaiting, last day today: the notice still goes",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", LocalDate.of(2026, 12, 7)), UNKNOWN,
                        NO_AGREEMENT, NONE, true, List.of("AGREEMENT_AWAITING_SIGNATURE@" + NOW), NONE,
                        "agreement awaiting until 2026-12-07"),
                row("awaiting, last day passed: nothing to sign any more",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", LocalDate.of(2026, 12, 6)), UNKNOWN,
                        NO_AGREEMENT, NONE, true, List.of(), NONE, "agreement awaiting until 2026-12-06"),
                row("awaiting again with the same last day: nothing new",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", DEADLINE), UNKNOWN,
                        Optional.of(agreement(DEADLINE, true, BEFORE)), List.of(AGREEMENT_REMINDER), true, List.of(), NONE,
                        "nothing"),
                row("a new draft with another last day: the old reminder withdrawn, new messages",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", LocalDate.of(2026, 12, 18)), UNKNOWN,
                        Optional.of(agreement(DEADLINE, true, BEFORE)), List.of(AGREEMENT_REMINDER), true,
                        List.of("AGREEMENT_AWAITING_SIGNATURE@" + NOW, "AGREEMENT_SIGNATURE_REMINDER@2026-12-16T09:00:00Z"),
                        List.of(AGREEMENT_REMINDER), "agreement awaiting until 2026-12-18"),
                row("awaiting, older than its settlement: nothing",
                        new Fact.AgreementAwaitingSignature("f1", "b1", "c1", DEADLINE), UNKNOWN,
                        Optional.of(agreement(DEADLINE, false, NOW)), NONE, true, List.of(), NONE, "nothing"),
                row("signed or refused: the pending notice and reminder withdrawn",
                        new Fact.AgreementSettled("f1", "b1", "c1"), UNKNOWN, Optional.of(agreement(DEADLINE, true, BEFORE)),
                        List.of(AWAITING, AGREEMENT_REMINDER), true, List.of(), List.of(AWAITING, AGREEMENT_REMINDER),
                        "agreement settled"),
                row("settled, never heard of: kept settled against a late older fact",
                        new Fact.AgreementSettled("f1", "b1", "c1"), UNKNOWN, NO_AGREEMENT, NONE, true, List.of(), NONE,
                        "agreement settled"),
                // the synthèse, the end
                row("the synthèse ready: the notice now", new Fact.SynthesisAvailable("a1", "b1", "c1"), UNKNOWN,
                        NO_AGREEMENT, NONE, true, List.of("SYNTHESIS_AVAILABLE@" + NOW), NONE, "nothing"),
                row("the bilan ended: its reminders withdrawn, its notices stand",
                        new Fact.AssessmentEnded("a1", "b1", "c1"), UNKNOWN, NO_AGREEMENT, List.of(CONVOCATION, REMINDER),
                        true, List.of(), List.of(REMINDER), "assessment ended"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void aFactPlansAndWithdraws(String name, Fact fact, Situation situation, List<String> planned,
            List<NotificationKind> withdrawn, String kept) {
        RecordedFact recorded = new RecordedFact("e1", NOW.minusSeconds(5), fact);

        Plan plan = new Planner(TIMES).plan(recorded, situation);

        assertThat(plan.planned()).extracting(n -> n.kind() + "@" + n.dueTime()).containsExactlyElementsOf(planned);
        assertThat(plan.planned()).allSatisfy(n -> {
            assertThat(n.key()).isEqualTo("e1/" + n.kind());
            assertThat(n.recipient()).isEqualTo(new Recipient.Beneficiary("b1"));
        });
        assertThat(plan.withdrawals()).extracting(w -> w.notification().kind()).containsExactlyElementsOf(withdrawn);
        assertThat(plan.withdrawals()).allSatisfy(w -> assertThat(w.reason()).isNotBlank());
        assertThat(kept(plan)).isEqualTo(kept);
    }

    private static String kept(Plan plan) {
        if (plan.session().isPresent()) {
            return "session " + plan.session().get().state();
        }
        if (plan.agreement().isPresent()) {
            TrackedAgreement a = plan.agreement().get();
            return a.awaiting() ? "agreement awaiting until " + a.deadline() : "agreement settled";
        }
        return plan.endedAssessment().map(a -> "assessment ended").orElse("nothing");
    }

    @Test
    void aSessionsMessagesCarryItAsItNowStandsAndItsBilan() {
        Fact.SessionScheduled fact = (Fact.SessionScheduled) scheduled(0, START);

        Plan plan = new Planner(TIMES).plan(new RecordedFact("e1", NOW, fact),
                new Situation(UNKNOWN, NO_AGREEMENT, List.of(), true, NOW));

        assertThat(plan.planned()).allSatisfy(n -> {
            assertThat(n.subject()).isEqualTo(fact.session());
            assertThat(n.assessmentId()).isEqualTo("a1");
            assertThat(n.centreId()).isEqualTo("c1");
            assertThat(n.id()).isEqualTo(Planner.idOf(n.key()));
        });
    }

    @Test
    void aFollowUpAcceptedTellsTheConsultantAtOnceAboutTheBilanWhateverTheBeneficiarysChoices() {
        Subject.FollowUp followUp = new Subject.FollowUp("a1", "b1", LocalDate.of(2027, 6, 1));

        Plan plan = new Planner(TIMES).plan(new RecordedFact("e1", NOW, new Fact.FollowUpAccepted("c1", "k1", followUp)),
                new Situation(UNKNOWN, NO_AGREEMENT, List.of(), false, NOW));

        assertThat(plan.planned()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.FOLLOW_UP_ACCEPTED);
            assertThat(n.key()).isEqualTo("e1/FOLLOW_UP_ACCEPTED");
            assertThat(n.recipient()).isEqualTo(new Recipient.Staff("k1"));
            assertThat(n.subject()).isEqualTo(followUp);
            assertThat(n.assessmentId()).isEqualTo("a1");
            assertThat(n.dueTime()).isEqualTo(NOW);
        });
        assertThat(plan.withdrawals()).isEmpty();
        assertThat(kept(plan)).isEqualTo("nothing");
    }

    @Test
    void aCancellationKeepsThePlaceLastKnown() {
        TrackedSession remote = new TrackedSession("b1", "c1", new Subject.Session("a1", "s1", "k1",
                SessionPhase.INTAKE, START, END, null, "https://visio.example/x", 0, "a1.s1@bilan-competences"),
                SessionState.SCHEDULED, BEFORE);

        Plan plan = new Planner(TIMES).plan(new RecordedFact("e1", NOW, cancelled(1, START)),
                new Situation(Optional.of(remote), NO_AGREEMENT, List.of(), true, NOW));

        Subject.Session notice = (Subject.Session) plan.planned().get(0).subject();
        assertThat(notice.videoLink()).isEqualTo("https://visio.example/x");
        assertThat(notice.sequence()).isEqualTo(1);
    }
}
