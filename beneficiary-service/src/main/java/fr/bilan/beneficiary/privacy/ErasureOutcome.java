package fr.bilan.beneficiary.privacy;

/** What became of a category of personal data when the beneficiary asked for its erasure. */
public enum ErasureOutcome {
    /** Erased now. */
    ERASED,
    /** Kept, under a legal obligation the item names. */
    KEPT
}
