package fr.bilan.beneficiary.consent;

/** What a consent is about. */
public enum ConsentKind {
    /** Taking part in the bilan. */
    PARTICIPATION,
    /** Sharing the synthèse with a named recipient. */
    SYNTHESIS_SHARING,
    /** Keeping documents for the follow-up after the bilan (R6313-7 b): written agreement only. */
    FOLLOW_UP_RETENTION,
    /** A public-sector agent's objection to HR receiving the synthèse. */
    HR_SHARING_OBJECTION
}
