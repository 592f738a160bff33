package fr.bilan.synthesis.bilan;

/** Where a bilan stands, as session-service says (the synthèse is made final in {@link #CONCLUSION}). */
public enum BilanState {
    INTAKE_INTERVIEW, FUNDING_AGREED, PRELIMINARY, INVESTIGATION, CONCLUSION, ACTION_ENDED, FOLLOW_UP
}
