package fr.bilan.beneficiary.cpf;

/** How a bilan's action ended, as session-service tells it. */
public enum BilanOutcome {
    COMPLETED,
    WITHDRAWN,
    ABANDONED,
    INTERRUPTED
}
