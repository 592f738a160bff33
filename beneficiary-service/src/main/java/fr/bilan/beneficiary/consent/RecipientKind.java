package fr.bilan.beneficiary.consent;

/** Who a synthèse may be shared with. */
public enum RecipientKind {
    /** A conseil en évolution professionnelle advisor. */
    CEP_ADVISOR,
    EMPLOYER,
    OTHER_RECIPIENT
}
