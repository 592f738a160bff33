package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.CentreRules;
import fr.bilan.session.calendar.CentreZone;
import fr.bilan.session.calendar.ConsultantAvailability;
import fr.bilan.session.calendar.OpeningHours;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The phase order as the bilan applies it to every booking: one session, a whole plan, a move;
 * the intake interview, and sessions cancelled or missed. The centre here is open every day from
 * 08:00 to 20:00 and takes any number of sessions a week, so that only the order decides.
 */
class PhaseOrderTest {

    private static final CentreZone ZONE = CentreZone.METROPOLITAN_FRANCE;
    private static final CentreRules RULES = openEveryDay();
    private static final ConsultantAvailability ANY_TIME = ConsultantAvailability.undeclared();
    private static final Instant NOW = paris("2026-11-23T09:00");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void aLaterPhaseCannotComeBeforeAPlannedSessionOfAnEarlierOne() {
        Assessment bilan = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-12-10T14:00"));

        assertThatThrownBy(() -> book(bilan, planned("i", Phase.INVESTIGATION, "2026-12-02T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessage("Une séance de la phase d'investigation ne peut pas commencer "
                        + "avant la fin de celle de la phase préliminaire du 10/12/2026 à 14:00 : les phases se suivent "
                        + "dans l'ordre (Code du travail, R6313-4).");
        assertThatThrownBy(() -> book(bilan, planned("c", Phase.CONCLUSION, "2026-12-02T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("phase de conclusion")
                .hasMessageContaining("phase préliminaire du 10/12/2026");
    }

    @Test
    void anEarlierPhaseCannotComeAfterAPlannedSessionOfALaterOne() {
        Assessment bilan = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-12-01T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-03T14:00"));

        assertThatThrownBy(() -> book(bilan, planned("p2", Phase.PRELIMINARY, "2026-12-04T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("doit se terminer avant celle de la phase "
                        + "d'investigation du 03/12/2026 à 14:00");
    }

    @Test
    void aLaterPhaseIsBookedOnlyAfterASessionOfEachEarlierPhaseOfTheBilan() {
        Assessment fresh = bilan(AssessmentState.PRELIMINARY);

        assertThatThrownBy(() -> book(fresh, planned("i", Phase.INVESTIGATION, "2026-12-02T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessage("Une séance de la phase d'investigation vient après au moins "
                        + "une séance de la phase préliminaire : planifiez d'abord une séance de la phase préliminaire "
                        + "avant le 02/12/2026 à 14:00 ; les phases se suivent dans l'ordre (Code du travail, R6313-4).");
        Assessment investigated = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-11-30T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"));
        assertThatThrownBy(() -> book(bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY,
                "2026-11-30T14:00")), planned("c", Phase.CONCLUSION, "2026-12-04T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("planifiez d'abord une séance de la phase "
                        + "d'investigation");
        assertThat(book(investigated, planned("c", Phase.CONCLUSION, "2026-12-04T14:00")).sessions()).hasSize(3);
    }

    @Test
    void planningAheadStaysOpenWhileTheOrderHolds() {
        // in the préliminaire, the investigation and the conclusion are booked after its sessions
        Assessment bilan = book(bilan(AssessmentState.PRELIMINARY), planned("p", Phase.PRELIMINARY, "2026-11-30T14:00"));
        bilan = book(bilan, planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"));
        bilan = book(bilan, planned("c", Phase.CONCLUSION, "2026-12-04T14:00"));
        // and in the intake interview, the préliminaire after it
        Assessment intake = book(bilan(AssessmentState.INTAKE_INTERVIEW), planned("e", Phase.INTAKE, "2026-11-25T10:00"));

        assertThat(bilan.sessions()).extracting(ScheduledSession::phase)
                .containsExactly(Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION);
        assertThat(book(intake, planned("p", Phase.PRELIMINARY, "2026-11-27T10:00")).sessions()).hasSize(2);
    }

    @Test
    void theIntakeInterviewComesBeforeThePreliminaryPhaseButIsNotRequired() {
        Assessment withIntake = bilan(AssessmentState.INTAKE_INTERVIEW, planned("e", Phase.INTAKE, "2026-12-04T10:00"));

        assertThatThrownBy(() -> book(withIntake, planned("p", Phase.PRELIMINARY, "2026-12-02T10:00")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("Une séance de la phase préliminaire ne peut pas "
                        + "commencer avant la fin de celle de l'entretien préalable du 04/12/2026 à 10:00");
        assertThat(book(bilan(AssessmentState.INTAKE_INTERVIEW), planned("p", Phase.PRELIMINARY, "2026-12-02T10:00"))
                .sessions()).hasSize(1);
    }

    @Test
    void aPlanIsCheckedInTimeOrderWhateverOrderItListsItsSessionsIn() {
        Assessment bilan = bilan(AssessmentState.FUNDING_AGREED);
        List<ScheduledSession> listedBackwards = List.of(planned("c", Phase.CONCLUSION, "2026-12-04T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"), planned("p", Phase.PRELIMINARY, "2026-11-30T14:00"));

        assertThat(bilan.scheduleAll(listedBackwards, RULES, ANY_TIME, NOW).sessions()).extracting(ScheduledSession::id)
                .containsExactly("p", "i", "c");
    }

    @Test
    void aPlanOutOfTimeOrderOrMissingAPhaseIsRefusedWhole() {
        Assessment bilan = bilan(AssessmentState.FUNDING_AGREED);
        List<ScheduledSession> backwards = List.of(planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"),
                planned("p", Phase.PRELIMINARY, "2026-12-04T14:00"));
        List<ScheduledSession> noPreliminary = List.of(planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"),
                planned("c", Phase.CONCLUSION, "2026-12-04T14:00"));

        assertThatThrownBy(() -> bilan.scheduleAll(backwards, RULES, ANY_TIME, NOW)).isInstanceOf(RuleRefusal.class)
                .hasMessageContaining("phase préliminaire");
        assertThatThrownBy(() -> bilan.scheduleAll(noPreliminary, RULES, ANY_TIME, NOW)).isInstanceOf(RuleRefusal.class)
                .hasMessageContaining("planifiez d'abord une séance de la phase préliminaire");
        assertThat(bilan.sessions()).isEmpty();
    }

    @Test
    void aMoveKeepsTheOrder() {
        Assessment bilan = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-12-01T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-03T14:00"));

        assertThatThrownBy(() -> bilan.reschedule("i", slot("2026-11-30T14:00"), Place.room("salle-1"), RULES, ANY_TIME,
                NOW)).isInstanceOf(RuleRefusal.class).hasMessageContaining("ne peut pas commencer avant la fin de celle de la "
                        + "phase préliminaire du 01/12/2026 à 14:00");
        assertThatThrownBy(() -> bilan.reschedule("p", slot("2026-12-04T14:00"), Place.room("salle-1"), RULES, ANY_TIME,
                NOW)).isInstanceOf(RuleRefusal.class).hasMessageContaining("doit se terminer avant celle de la phase "
                        + "d'investigation du 03/12/2026 à 14:00");
        assertThat(bilan.reschedule("i", slot("2026-12-07T14:00"), Place.room("salle-1"), RULES, ANY_TIME, NOW)
                .session("i").orElseThrow().slot()).isEqualTo(slot("2026-12-07T14:00"));
    }

    @Test
    void aCancelledSessionNeitherBlocksNorCountsAsTheSessionOfItsPhase() {
        Assessment bilan = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-12-01T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-03T14:00"))
                .cancel("p", "Le bénéficiaire est malade.", NOW);

        assertThatThrownBy(() -> book(bilan, planned("i2", Phase.INVESTIGATION, "2026-12-07T14:00")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("planifiez d'abord une séance de la phase préliminaire");
        assertThatThrownBy(() -> bilan.reschedule("i", slot("2026-12-08T14:00"), Place.room("salle-1"), RULES, ANY_TIME,
                NOW)).isInstanceOf(RuleRefusal.class).hasMessageContaining("planifiez d'abord une séance de la phase "
                        + "préliminaire");
        // a session of the préliminaire in its place opens the way again; the cancelled one blocks nothing
        Assessment replaced = book(bilan, planned("p2", Phase.PRELIMINARY, "2026-12-02T09:00"));
        assertThat(book(replaced, planned("i2", Phase.INVESTIGATION, "2026-12-07T14:00")).sessions()).hasSize(4);
        Assessment laterCancelled = bilan(AssessmentState.PRELIMINARY, planned("p", Phase.PRELIMINARY, "2026-12-01T14:00"),
                planned("i", Phase.INVESTIGATION, "2026-12-03T14:00")).cancel("i", "Reporté.", NOW);
        assertThat(book(laterCancelled, planned("p2", Phase.PRELIMINARY, "2026-12-04T14:00")).sessions()).hasSize(3);
    }

    @Test
    void aMissedSessionDoesNotCountAsTheSessionOfItsPhaseAnAttendedOneDoes() {
        ScheduledSession missed = held("p", Phase.PRELIMINARY, "2026-11-16T14:00", SessionStatus.ABSENT);
        ScheduledSession attended = held("p", Phase.PRELIMINARY, "2026-11-16T14:00", SessionStatus.ATTENDED);

        assertThatThrownBy(() -> book(bilan(AssessmentState.PRELIMINARY, missed),
                planned("i", Phase.INVESTIGATION, "2026-12-02T14:00"))).isInstanceOf(RuleRefusal.class)
                .hasMessageContaining("planifiez d'abord une séance de la phase préliminaire");
        assertThat(book(bilan(AssessmentState.INVESTIGATION, attended), planned("i", Phase.INVESTIGATION,
                "2026-12-02T14:00")).sessions()).hasSize(2);
    }

    @Test
    void theFollowUpStandsOutsideThePhasesOfTheBilan() {
        Assessment ended = bilan(AssessmentState.ACTION_ENDED,
                held("c", Phase.CONCLUSION, "2026-11-16T14:00", SessionStatus.ATTENDED));

        assertThat(book(ended, planned("f", Phase.FOLLOW_UP, "2027-05-18T14:00")).sessions()).hasSize(2);
    }

    /**
     * The follow-up interview, booked by the consultant as a FOLLOW_UP session once the action ended
     * (BILAN.md: after the end of the action), is outside the 24 hours: a bilan that used them all still
     * takes it. The table: the bilan's state and whether a follow-up session is booked in it.
     */
    @ParameterizedTest(name = "{0}: follow-up session booked {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ACTION_ENDED | true
            FOLLOW_UP    | true
            CONCLUSION   | false
            WITHDRAWN    | false
            ABANDONED    | false
            CLOSED       | false
            """)
    void theFollowUpInterviewIsBookedAfterTheEndOutsideTheTwentyFourHours(AssessmentState state, boolean booked) {
        List<ScheduledSession> twentyFourHours = new ArrayList<>();
        Phase[] phases = { Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION };
        for (int i = 0; i < 12; i++) {
            twentyFourHours.add(held("s" + i, phases[i / 4], "2026-10-%02dT14:00".formatted(i + 1), SessionStatus.ATTENDED));
        }
        Assessment bilan = bilan(state, twentyFourHours.toArray(ScheduledSession[]::new));
        assertThat(bilan.hours().remaining()).isZero();
        ScheduledSession followUp = planned("f", Phase.FOLLOW_UP, "2027-05-18T14:00");

        if (booked) {
            Assessment withFollowUp = book(bilan, followUp);
            assertThat(withFollowUp.sessions()).contains(followUp);
            assertThat(withFollowUp.hours().used()).isEqualTo(Duration.ofHours(24));
            assertThat(withFollowUp.hours().of(Phase.FOLLOW_UP).planned()).isEqualTo(TWO_HOURS);
            // nor does it count in the accompaniment the action delivered
            assertThat(withFollowUp.hours().delivered()).isEqualTo(Duration.ofHours(24));
        } else {
            assertThatThrownBy(() -> book(bilan, followUp)).isInstanceOf(RuleRefusal.class)
                    .hasMessageStartingWith("Ce bilan est");
        }
    }

    /**
     * The order as a table: the bilan's sessions (phase, status, local start; two hours each; « ; »
     * between them), the phase and local start of the session asked for, and the refusal (a part of
     * its message), or none when it may be booked. Boundaries: a session may start the minute the
     * earlier phase's ends.
     */
    @ParameterizedTest(name = "[{0}] + {1} at {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
            ''                                                           | PRELIMINARY   | 2026-12-02T14:00 | ok
            ''                                                           | INVESTIGATION | 2026-12-02T14:00 | planifiez d'abord une séance de la phase préliminaire
            ''                                                           | CONCLUSION    | 2026-12-02T14:00 | planifiez d'abord une séance de la phase préliminaire
            PRELIMINARY PLANNED 2026-12-01T14:00                         | INVESTIGATION | 2026-12-03T14:00 | ok
            PRELIMINARY PLANNED 2026-12-01T14:00                         | CONCLUSION    | 2026-12-03T14:00 | planifiez d'abord une séance de la phase d'investigation
            PRELIMINARY PLANNED 2026-12-01T14:00; INVESTIGATION PLANNED 2026-12-03T14:00 | CONCLUSION | 2026-12-05T14:00 | ok
            PRELIMINARY PLANNED 2026-12-01T14:00                         | INVESTIGATION | 2026-12-01T16:00 | ok
            PRELIMINARY PLANNED 2026-12-01T14:00                         | INVESTIGATION | 2026-12-01T15:59 | ne peut pas commencer avant la fin de celle de la phase préliminaire
            PRELIMINARY PLANNED 2026-12-10T14:00                         | INVESTIGATION | 2026-12-02T14:00 | ne peut pas commencer avant la fin de celle de la phase préliminaire
            PRELIMINARY PLANNED 2026-12-01T14:00; INVESTIGATION PLANNED 2026-12-03T14:00 | PRELIMINARY | 2026-12-03T12:00 | ok
            PRELIMINARY PLANNED 2026-12-01T14:00; INVESTIGATION PLANNED 2026-12-03T14:00 | PRELIMINARY | 2026-12-03T12:01 | doit se terminer avant celle de la phase d'investigation
            PRELIMINARY CANCELLED 2026-12-01T14:00                       | INVESTIGATION | 2026-12-03T14:00 | planifiez d'abord une séance de la phase préliminaire
            PRELIMINARY CANCELLED 2026-12-10T14:00                       | INVESTIGATION | 2026-12-03T14:00 | planifiez d'abord une séance de la phase préliminaire
            PRELIMINARY ABSENT 2026-11-16T14:00                          | INVESTIGATION | 2026-12-03T14:00 | planifiez d'abord une séance de la phase préliminaire
            PRELIMINARY ATTENDED 2026-11-16T14:00                        | INVESTIGATION | 2026-12-03T14:00 | ok
            INTAKE PLANNED 2026-12-04T10:00                              | PRELIMINARY   | 2026-12-02T10:00 | ne peut pas commencer avant la fin de celle de l'entretien préalable
            INTAKE PLANNED 2026-12-04T10:00                              | PRELIMINARY   | 2026-12-04T12:00 | ok
            ''                                                           | FOLLOW_UP     | 2027-05-18T14:00 | ok
            CONCLUSION ATTENDED 2026-11-16T14:00                         | FOLLOW_UP     | 2027-05-18T14:00 | ok
            """)
    void thePhaseOrder(String sessions, Phase phase, String localStart, String refusal) {
        List<ScheduledSession> others = Arrays.stream(sessions.split(";")).map(String::strip)
                .filter(spec -> !spec.isEmpty()).map(spec -> spec.split(" "))
                .map(spec -> held("s-" + spec[2], Phase.valueOf(spec[0]), spec[2], SessionStatus.valueOf(spec[1])))
                .toList();

        if (refusal == null) {
            assertThatCode(() -> PhaseOrder.check(phase, slot(localStart), others, ZONE.zone()))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> PhaseOrder.check(phase, slot(localStart), others, ZONE.zone()))
                    .isInstanceOf(RuleRefusal.class).hasMessageContaining(refusal)
                    .hasMessageEndingWith("les phases se suivent dans l'ordre (Code du travail, R6313-4).");
        }
    }

    private static Assessment book(Assessment bilan, ScheduledSession session) {
        return bilan.schedule(session, RULES, ANY_TIME, NOW);
    }

    private static Assessment bilan(AssessmentState state, ScheduledSession... sessions) {
        return new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "funding-1", DeliveryFormat.HYBRID,
                state, null, List.of(new Assignment("consultant-1", NOW.minus(Duration.ofDays(30)), null, "consultant-1")),
                List.of(sessions), List.of(), null, null, null, null, NOW.minus(Duration.ofDays(30)), null, 1);
    }

    private static ScheduledSession planned(String id, Phase phase, String localStart) {
        return ScheduledSession.planned(id, phase, slot(localStart), Place.room("salle-1"), "consultant-1", NOW);
    }

    private static ScheduledSession held(String id, Phase phase, String localStart, SessionStatus status) {
        return new ScheduledSession(id, phase, slot(localStart), Place.room("salle-1"), "consultant-1", status, List.of(),
                null, 0, NOW);
    }

    private static Slot slot(String localStart) {
        return new Slot(paris(localStart), TWO_HOURS);
    }

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(ZONE.zone()).toInstant();
    }

    private static CentreRules openEveryDay() {
        Map<DayOfWeek, List<OpeningHours>> open = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            open.put(day, new ArrayList<>(List.of(new OpeningHours(LocalTime.of(8, 0), LocalTime.of(20, 0)))));
        }
        return new CentreRules(ZONE, open, Duration.ofMinutes(30), Duration.ofHours(4), 7, 0);
    }
}
