package fr.bilan.retention.rules;

/** Who a synthèse may be shared with (beneficiary-service's kinds, by name). */
public enum RecipientKind {
    /** The beneficiary's conseil en évolution professionnelle advisor. */
    CEP_ADVISOR,
    EMPLOYER,
    /** Someone else, named. */
    OTHER_RECIPIENT
}
