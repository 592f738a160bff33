package fr.bilan.beneficiary.funding;

/** Why a CPF bilan owes no co-payment (D6323-1 A), or {@link #NONE}: it is due. */
public enum CoPaymentExemption {
    /** No exemption: the co-payment is due. */
    NONE,
    /** A job seeker, as the employment status this service holds says. */
    JOB_SEEKER_EXEMPTION,
    /** The account topped up by the employer or an OPCO, declared. */
    EMPLOYER_TOP_UP,
    /** Points of the C2P mobilised, declared. */
    C2P_POINTS,
    /** A work accident or occupational disease with at least 10 % incapacity, declared. */
    WORK_ACCIDENT_INCAPACITY
}
