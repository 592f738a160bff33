package fr.bilan.retention.document;

/** Where a document's destruction is (stored by name; the schedule shows it as the contract's). */
public enum DestructionState {
    /** The action runs: no due date yet. */
    AWAITING_ACTION_END,
    /** Due at its due time (possibly past, then destroyed at the next purge). */
    SCHEDULED,
    /** Destroyed, and certified. */
    DESTROYED
}
