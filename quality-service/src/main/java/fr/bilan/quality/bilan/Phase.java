package fr.bilan.quality.bilan;

/** The phases whose hours the facts count; the follow-up interview comes after the end, outside the 24 hours. */
public enum Phase {
    PRELIMINARY,
    INVESTIGATION,
    CONCLUSION,
    FOLLOW_UP
}
