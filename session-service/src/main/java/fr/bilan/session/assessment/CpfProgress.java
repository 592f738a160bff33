package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;

/**
 * What the CPF dossier of a funded bilan is told (beneficiary-service proposes the entry and the exit
 * from it): the start of the action, at its first attended session of the three phases (the intake
 * interview comes before the action), and its end, with the accompaniment delivered and the sessions
 * missed. A bilan without a funding tells nothing: only a funding can have a dossier, and which ones
 * are CPF fundings is beneficiary-service's to know.
 */
public final class CpfProgress {

    /** The phases of the action (R6313-4): what the CPF funds and the dossier counts. */
    public static final Set<Phase> ACTION_PHASES = EnumSet.of(Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION);

    /**
     * The end of the action as the dossier reads it.
     *
     * @param outcome   COMPLETED (with the conclusion), WITHDRAWN, ABANDONED or INTERRUPTED
     * @param delivered attended hours of the action's phases
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
        return assessment.sessions().stream()
                .filter(session -> ACTION_PHASES.contains(session.phase()) && session.status() == SessionStatus.ATTENDED)
                .map(ScheduledSession::start).min(Instant::compareTo);
    }

    /** The end of the action, once it ended, for a funded bilan. */
    public static Optional<Ended> ended(Assessment assessment) {
        if (!funded(assessment) || assessment.actionEndTime() == null) {
            return Optional.empty();
        }
        return Optional.of(new Ended(assessment.actionEndTime(), outcome(assessment.state()),
                delivered(assessment.hours()), (int) assessment.sessions().stream()
                        .filter(session -> ACTION_PHASES.contains(session.phase())
                                && session.status() == SessionStatus.ABSENT)
                        .count()));
    }

    /**
     * Attended hours of the action's phases. To become {@code HourBudget.delivered()} once the hour
     * summary has it (same meaning: the follow-up interview comes after the end, so adds nothing here).
     */
    static Duration delivered(HourBudget hours) {
        return ACTION_PHASES.stream().map(phase -> hours.of(phase).attended()).reduce(Duration.ZERO, Duration::plus);
    }

    /** A bilan ends with its conclusion (ACTION_ENDED, then FOLLOW_UP, CLOSED) or by a side exit. */
    static String outcome(AssessmentState state) {
        return state.sideExit() ? state.name() : "COMPLETED";
    }

    private static boolean funded(Assessment assessment) {
        return assessment.fundingId() != null && !assessment.fundingId().isBlank();
    }
}
