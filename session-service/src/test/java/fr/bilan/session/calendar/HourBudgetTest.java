package fr.bilan.session.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.RuleRefusal;

class HourBudgetTest {

    private static SessionHours session(Phase phase, int minutes, SessionStatus status) {
        return new SessionHours(phase, Duration.ofMinutes(minutes), status);
    }

    @Test
    void countsPlannedAndAttendedHoursPerPhaseButNotTheIntakeNorTheFollowUpInterview() {
        HourBudget budget = HourBudget.of(List.of(
                session(Phase.INTAKE, 90, SessionStatus.ATTENDED),
                session(Phase.FOLLOW_UP, 120, SessionStatus.PLANNED),
                session(Phase.PRELIMINARY, 180, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, 120, SessionStatus.PLANNED),
                session(Phase.INVESTIGATION, 180, SessionStatus.ABSENT),
                session(Phase.INVESTIGATION, 150, SessionStatus.CANCELLED)));

        assertThat(budget.of(Phase.PRELIMINARY)).isEqualTo(
                new HourBudget.PhaseHours(Duration.ofHours(2), Duration.ofHours(3), Duration.ZERO));
        assertThat(budget.of(Phase.INVESTIGATION).used()).isZero();
        assertThat(budget.of(Phase.INTAKE).attended()).isEqualTo(Duration.ofMinutes(90));
        assertThat(budget.of(Phase.FOLLOW_UP).planned()).isEqualTo(Duration.ofHours(2));
        assertThat(budget.used()).isEqualTo(Duration.ofHours(5));
        assertThat(budget.remaining()).isEqualTo(Duration.ofHours(19));
    }

    @Test
    void refusesPastTwentyFourHoursWithTheHoursOfEachPhase() {
        List<SessionHours> sessions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sessions.add(session(Phase.PRELIMINARY, 180, SessionStatus.ATTENDED));
        }
        sessions.add(session(Phase.INVESTIGATION, 150, SessionStatus.PLANNED));
        HourBudget budget = HourBudget.of(sessions);

        assertThatCode(() -> budget.checkFits(Phase.CONCLUSION, Duration.ofMinutes(30))).doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.checkFits(Phase.CONCLUSION, Duration.ofMinutes(31)))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, "
                        + "L6313-4) : 23 h 30 sont déjà prévues ou effectuées (phase préliminaire : 21 h, phase "
                        + "d'investigation : 2 h 30), il en reste 0 h 30, et cette séance en demande 0 h 31.");
    }

    @Test
    void refusesOnTheHoursLeftAloneWhenTheSessionsAreNotAtHand() {
        assertThatCode(() -> HourBudget.checkFits(Phase.CONCLUSION, Duration.ofHours(2), Duration.ofHours(2)))
                .doesNotThrowAnyException();
        assertThatCode(() -> HourBudget.checkFits(Phase.INTAKE, Duration.ofHours(2), Duration.ZERO))
                .doesNotThrowAnyException();
        assertThatCode(() -> HourBudget.checkFits(Phase.FOLLOW_UP, Duration.ofHours(2), Duration.ZERO))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> HourBudget.checkFits(Phase.CONCLUSION, Duration.ofMinutes(45), Duration.ofMinutes(30)))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, "
                        + "L6313-4) : il en reste 0 h 30, et cette séance en demande 0 h 45.");
    }

    @Test
    void theIntakeAndFollowUpInterviewsAndShorterMovesAreNeverRefused() {
        HourBudget full = HourBudget.of(List.of(session(Phase.PRELIMINARY, 24 * 60, SessionStatus.PLANNED)));

        assertThat(full.remaining()).isZero();
        assertThatCode(() -> full.checkFits(Phase.INTAKE, Duration.ofHours(2))).doesNotThrowAnyException();
        // a session moved to a shorter slot adds no hours
        assertThatCode(() -> full.checkFits(Phase.PRELIMINARY, Duration.ofMinutes(-30))).doesNotThrowAnyException();
        // the follow-up interview comes after the end of the action, outside the 24 hours
        assertThatCode(() -> full.checkFits(Phase.FOLLOW_UP, Duration.ofHours(2))).doesNotThrowAnyException();
        assertThatThrownBy(() -> full.checkFits(Phase.CONCLUSION, Duration.ofMinutes(1))).isInstanceOf(RuleRefusal.class);
    }

    /**
     * The cap as a table: the sessions a bilan has (phase, status, minutes; « ; » between them), the
     * phase of the minutes added, and whether they fit. 24 hours are 1440 minutes; the intake
     * interview is not counted, nor the follow-up interview (after the action), nor a cancelled session or one
     * the beneficiary missed.
     */
    @ParameterizedTest(name = "[{0}] + {1} {2} min: fits {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                    | PRELIMINARY   | 1440 | true
            ''                                                    | PRELIMINARY   | 1441 | false
            PRELIMINARY PLANNED 1380                              | CONCLUSION    | 60   | true
            PRELIMINARY PLANNED 1380                              | CONCLUSION    | 61   | false
            PRELIMINARY ATTENDED 720; INVESTIGATION PLANNED 720   | INVESTIGATION | 1    | false
            PRELIMINARY ATTENDED 720; INVESTIGATION PLANNED 720   | FOLLOW_UP     | 120  | true
            FOLLOW_UP ATTENDED 1440                               | CONCLUSION    | 1440 | true
            PRELIMINARY ATTENDED 720; INVESTIGATION PLANNED 720   | INTAKE        | 120  | true
            INTAKE ATTENDED 1440                                  | PRELIMINARY   | 1440 | true
            PRELIMINARY CANCELLED 1440                            | PRELIMINARY   | 1440 | true
            PRELIMINARY ABSENT 1440                               | INVESTIGATION | 1440 | true
            PRELIMINARY PLANNED 1440                              | PRELIMINARY   | 0    | true
            PRELIMINARY PLANNED 1440                              | PRELIMINARY   | -30  | true
            PRELIMINARY PLANNED 1500                              | CONCLUSION    | 1    | false
            """)
    void theTwentyFourHourCap(String sessions, Phase phase, int addedMinutes, boolean fits) {
        HourBudget budget = HourBudget.of(Arrays.stream(sessions.split(";")).map(String::strip)
                .filter(spec -> !spec.isEmpty()).map(spec -> spec.split(" "))
                .map(spec -> session(Phase.valueOf(spec[0]), Integer.parseInt(spec[2]), SessionStatus.valueOf(spec[1])))
                .toList());
        Duration added = Duration.ofMinutes(addedMinutes);

        if (fits) {
            assertThatCode(() -> budget.checkFits(phase, added)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> budget.checkFits(phase, added)).isInstanceOf(RuleRefusal.class)
                    .hasMessageStartingWith(HourBudget.CAP_RULE);
        }
    }
    /**
     * The floor as a table: the sessions (phase, status, minutes; « ; » between them), the minutes of
     * personal work recorded in the investigation phase, the accompaniment delivered and what the
     * floor still lacks, in minutes. 13 hours are 780 minutes; only attended sessions of the three
     * phases of the action count: not the intake interview, nor the follow-up interview (after the
     * action), nor a planned, missed or cancelled session, nor personal work.
     */
    @ParameterizedTest(name = "[{0}] + {1} min of personal work: delivered {2}, missing {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59 | 0    | 779  | 1
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 60 | 0    | 780  | 0
            INTAKE ATTENDED 180; PRELIMINARY ATTENDED 720                                | 0    | 720  | 60
            PRELIMINARY ATTENDED 720; FOLLOW_UP ATTENDED 120                             | 0    | 720  | 60
            PRELIMINARY ATTENDED 720; CONCLUSION PLANNED 180                             | 0    | 720  | 60
            PRELIMINARY ATTENDED 720; CONCLUSION ABSENT 180; CONCLUSION CANCELLED 60     | 0    | 720  | 60
            PRELIMINARY ATTENDED 720                                                     | 2400 | 720  | 60
            PRELIMINARY ATTENDED 1440                                                    | 0    | 1440 | 0
            ''                                                                           | 600  | 0    | 780
            """)
    void theThirteenHourFloor(String sessions, int personalWorkMinutes, int deliveredMinutes, int missingMinutes) {
        List<SessionHours> held = Arrays.stream(sessions.split(";")).map(String::strip)
                .filter(spec -> !spec.isEmpty()).map(spec -> spec.split(" "))
                .map(spec -> session(Phase.valueOf(spec[0]), Integer.parseInt(spec[2]), SessionStatus.valueOf(spec[1])))
                .toList();
        List<PersonalWorkHours> personalWork = personalWorkMinutes == 0 ? List.of()
                : List.of(new PersonalWorkHours(Phase.INVESTIGATION, Duration.ofMinutes(personalWorkMinutes)));
        HourBudget budget = HourBudget.of(held, personalWork);
        HourBudget withoutPersonalWork = HourBudget.of(held);

        assertThat(budget.delivered()).isEqualTo(Duration.ofMinutes(deliveredMinutes));
        assertThat(budget.missingToFloor()).isEqualTo(Duration.ofMinutes(missingMinutes));
        // personal work is shown, and counted in neither the floor nor the cap
        assertThat(budget.personalWork()).isEqualTo(Duration.ofMinutes(personalWorkMinutes));
        assertThat(budget.of(Phase.INVESTIGATION).personalWork()).isEqualTo(Duration.ofMinutes(personalWorkMinutes));
        assertThat(budget.used()).isEqualTo(withoutPersonalWork.used());
        assertThat(budget.remaining()).isEqualTo(withoutPersonalWork.remaining());
        assertThat(budget.delivered()).isEqualTo(withoutPersonalWork.delivered());
        if (missingMinutes == 0) {
            assertThatCode(() -> HourBudget.checkFloorReached(budget.delivered())).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> HourBudget.checkFloorReached(budget.delivered())).isInstanceOf(RuleRefusal.class)
                    .hasMessageStartingWith(HourBudget.FLOOR_RULE);
        }
    }
}
