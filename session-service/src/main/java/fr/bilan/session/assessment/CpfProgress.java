package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.bilan.session.calendar.SessionStatus;

/**
 * What the CPF dossier of a funded bilan is told (beneficiary-service proposes the entry and the exit
 * from it): the start of the action, at its first attended session of the three phases (the intake
 * interview comes before the action), and its end, with the accompaniment delivered and the sessions
 * missed. A bilan without a funding tells nothing: only a funding can have a dossier, and which ones
 * are CPF fundings is beneficiary-service's to know.
 */
public final class CpfProgress {

    /**
     * The end of the action as the dossier reads it.
     *
     * @param outcome   COMPLETED (with the conclusion), WITHDRAWN, ABANDONED or INTERRUPTED
     * @param delivered the accompaniment delivered ({@code HourBudget.delivered()})
     * @param absences  sessions of the action's phases the beneficiary missed
     */
    public record Ended(Instant endTime, String outcome, Duration delivered, int absences) {
    }

    private CpfProgress() {
    }

    /** The start of the first attended session of the action, once there is one, for a funded bilan. */
    public static Optional<Instant> started(Assessment assessment) {
        if (!funded(assessment)) {
            return Optional.empty();
        }
        return assessment.firstAttendedSessionOfTheAction();
    }

    /** The end of the action, once it ended, for a funded bilan. */
    public static Optional<Ended> ended(Assessment assessment) {
        if (!funded(assessment) || assessment.actionEndTime() == null) {
            return Optional.empty();
        }
        return Optional.of(new Ended(assessment.actionEndTime(), outcome(assessment.state()),
                assessment.hours().delivered(), (int) assessment.sessions().stream()
                        .filter(session -> session.phase().ofTheAction()
                                && session.status() == SessionStatus.ABSENT)
                        .count()));
    }

    /** A bilan ends with its conclusion (ACTION_ENDED, then FOLLOW_UP, CLOSED) or by a side exit. */
    static String outcome(AssessmentState state) {
        return state.sideExit() ? state.name() : "COMPLETED";
    }

    private static boolean funded(Assessment assessment) {
        return assessment.fundingId() != null && !assessment.fundingId().isBlank();
    }
}
