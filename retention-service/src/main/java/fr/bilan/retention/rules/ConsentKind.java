package fr.bilan.retention.rules;

/** What a consent of the beneficiary's ledger is about (beneficiary-service's kinds, by name). */
public enum ConsentKind {
    /** Taking part in the bilan (L6313-4). */
    PARTICIPATION,
    /** Sharing the document de synthèse with a named recipient. */
    SYNTHESIS_SHARING,
    /** Keeping documents for the follow-up, agreed in writing (R6313-7 b). */
    FOLLOW_UP_RETENTION,
    /** A public-sector agent's objection to the synthèse going to HR. */
    HR_SHARING_OBJECTION
}
