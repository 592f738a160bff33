package fr.bilan.session.calendar;

/**
 * The part of a bilan a session belongs to (R6313-4). The intake interview (entretien préalable) is
 * free and not counted in the 24 hours (L6313-4), nor is the follow-up interview, held after the end of
 * the action (R6313-4 3° c: BILAN.md); the three phases of the action are. The three phases of the
 * action proper (préliminaire, investigation, conclusion) are the ones whose attended hours make up
 * the 13 hours of effective accompaniment (R6313-4 as amended in 2026): the follow-up interview comes
 * after the action has ended, so it can never help the action end.
 */
public enum Phase {
    INTAKE("entretien préalable", false),
    PRELIMINARY("phase préliminaire", true),
    INVESTIGATION("phase d'investigation", true),
    CONCLUSION("phase de conclusion", true),
    FOLLOW_UP("entretien de suivi", false);

    private final String frenchName;
    private final boolean counted;

    Phase(String frenchName, boolean counted) {
        this.frenchName = frenchName;
        this.counted = counted;
    }

    /** As a beneficiary or consultant reads it. */
    public String frenchName() {
        return frenchName;
    }

    /** « de la phase préliminaire », « de l'entretien préalable »: what a sentence needs after a noun. */
    public String ofThe() {
        return frenchName.startsWith("phase") ? "de la " + frenchName : "de l'" + frenchName;
    }

    /** Whether its hours count in the 24 hours of the bilan. */
    public boolean counted() {
        return counted;
    }

    /** One of the three phases of the action: its attended hours count towards the 13-hour floor. */
    public boolean ofTheAction() {
        return this == PRELIMINARY || this == INVESTIGATION || this == CONCLUSION;
    }
}
