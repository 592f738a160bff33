package fr.bilan.beneficiary.consent;

/** Whether a consent is given or withdrawn. */
public enum ConsentDecision {
    GRANTED,
    WITHDRAWN
}
