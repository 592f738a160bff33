package fr.bilan.synthesis.bilan;

/** The phases sessions are held in; the synthèse states the hours of the three of R6313-4. */
public enum Phase {
    INTAKE, PRELIMINARY, INVESTIGATION, CONCLUSION, FOLLOW_UP
}
