package fr.bilan.session.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.RuleRefusal;

class HourBudgetTest {

    private static SessionHours session(Phase phase, int minutes, SessionStatus status) {
        return new SessionHours(phase, Duration.ofMinutes(minutes), status);
    }

    @Test
    void countsPlannedAndAttendedHoursPerPhaseButNotTheIntakeInterview() {
        HourBudget budget = HourBudget.of(List.of(
                session(Phase.INTAKE, 90, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, 180, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, 120, SessionStatus.PLANNED),
                session(Phase.INVESTIGATION, 180, SessionStatus.ABSENT),
                session(Phase.INVESTIGATION, 150, SessionStatus.CANCELLED)));

        assertThat(budget.of(Phase.PRELIMINARY)).isEqualTo(
                new HourBudget.PhaseHours(Duration.ofHours(2), Duration.ofHours(3)));
        assertThat(budget.of(Phase.INVESTIGATION).used()).isZero();
        assertThat(budget.of(Phase.INTAKE).attended()).isEqualTo(Duration.ofMinutes(90));
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
        assertThatThrownBy(() -> HourBudget.checkFits(Phase.FOLLOW_UP, Duration.ofMinutes(45), Duration.ofMinutes(30)))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, "
                        + "L6313-4) : il en reste 0 h 30, et cette séance en demande 0 h 45.");
    }

    @Test
    void theIntakeInterviewAndShorterMovesAreNeverRefused() {
        HourBudget full = HourBudget.of(List.of(session(Phase.PRELIMINARY, 24 * 60, SessionStatus.PLANNED)));

        assertThat(full.remaining()).isZero();
        assertThatCode(() -> full.checkFits(Phase.INTAKE, Duration.ofHours(2))).doesNotThrowAnyException();
        // a session moved to a shorter slot adds no hours
        assertThatCode(() -> full.checkFits(Phase.PRELIMINARY, Duration.ofMinutes(-30))).doesNotThrowAnyException();
        assertThatThrownBy(() -> full.checkFits(Phase.FOLLOW_UP, Duration.ofMinutes(1))).isInstanceOf(RuleRefusal.class);
    }
}
