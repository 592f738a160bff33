package fr.bilan.quality.survey;

/**
 * Where a survey stands: planned, its invitation sent, answered in part (saved), answered for good (the
 * link used), lapsed unanswered, or never sent.
 */
public enum SurveyState {
    PLANNED,
    SENT,
    PARTIALLY_ANSWERED,
    ANSWERED,
    LAPSED,
    NOT_SENT;

    /** Whether its link opens it (until it expires). */
    public boolean open() {
        return this == SENT || this == PARTIALLY_ANSWERED;
    }
}
