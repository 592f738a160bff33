package fr.bilan.beneficiary.funding;

/** Where a funding stands, derived when read ({@link Funding#state}). */
public enum FundingState {
    /** Its tripartite agreement is not in force yet. */
    AWAITING_AGREEMENT,
    /** Paid for: no agreement needed, or the agreement is in force. */
    CONFIRMED,
    /** Its agreement was refused, or lapsed. */
    AGREEMENT_FAILED,
    CANCELLED
}
