package fr.bilan.retention.rules;

/** Whether a record of the consent ledger grants or withdraws. */
public enum ConsentDecision {
    GRANTED,
    WITHDRAWN
}
