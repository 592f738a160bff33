package fr.bilan.session.assessment;

import java.util.Optional;

import fr.bilan.session.calendar.Phase;

/**
 * Where a bilan stands: the main path from the intake interview to its closing, and three side
 * exits. Each state that runs a phase names it; the states after the action, or out of it, are
 * terminal for the phases.
 */
public enum AssessmentState {
    INTAKE_INTERVIEW("entretien préalable", Phase.INTAKE),
    FUNDING_AGREED("financement accordé", null),
    PRELIMINARY("phase préliminaire", Phase.PRELIMINARY),
    INVESTIGATION("phase d'investigation", Phase.INVESTIGATION),
    CONCLUSION("phase de conclusion", Phase.CONCLUSION),
    /** Starts the legal destruction clocks (R6313-7). */
    ACTION_ENDED("fin de l'action", null),
    FOLLOW_UP("entretien de suivi", Phase.FOLLOW_UP),
    CLOSED("clos", null),
    /** The beneficiary withdrew (a bilan is voluntary: never a fault). */
    WITHDRAWN("retiré par le bénéficiaire", null),
    ABANDONED("abandonné", null),
    /** Interrupted by force majeure. */
    INTERRUPTED("interrompu (force majeure)", null);

    private final String frenchName;
    private final Phase phase;

    AssessmentState(String frenchName, Phase phase) {
        this.frenchName = frenchName;
        this.phase = phase;
    }

    public String frenchName() {
        return frenchName;
    }

    /** The phase whose sessions this state runs; empty between phases and after the action. */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }

    /** A side exit: the action ends early, with the hours delivered so far. */
    public boolean sideExit() {
        return this == WITHDRAWN || this == ABANDONED || this == INTERRUPTED;
    }

    /** No transition leaves it. */
    public boolean terminal() {
        return this == CLOSED || sideExit();
    }

    /** Whether the action (the bilan proper) has ended in this state: the retention clocks run. */
    public boolean actionEnded() {
        return this == ACTION_ENDED || this == FOLLOW_UP || this == CLOSED || sideExit();
    }
}
