package fr.bilan.beneficiary.funding;

/**
 * Where a funding's tripartite agreement stands (R6313-8). Here rather than in the agreement
 * package: a funding follows its agreement's state, and agreements depend on fundings, never the
 * reverse.
 */
public enum AgreementState {
    /** Being written; not yet sent to the employee. */
    DRAFT,
    /** Received by the employee, who has 10 days to sign. */
    SENT,
    /** Signed by the employee; employer and centre still to sign. */
    SIGNED_BY_EMPLOYEE,
    /** Refused by the employee. */
    REFUSED,
    /** Not signed by the employee within 10 days: silence means refusal. */
    LAPSED,
    /** Signed by the three parties. */
    IN_FORCE
}
