package fr.bilan.quality.register.complaint;

/** Who a complaint comes from; named as the contract names them, and so stored. */
public enum ComplainantKind {
    BENEFICIARY,
    EMPLOYER,
    FUNDER,
    OTHER_COMPLAINANT
}
