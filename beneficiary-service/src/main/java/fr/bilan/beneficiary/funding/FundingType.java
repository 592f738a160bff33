package fr.bilan.beneficiary.funding;

/** How a bilan is paid for; each type holds its own details ({@link FundingDetails}). */
public enum FundingType {
    CPF,
    EMPLOYER_PLAN,
    REDEPLOYMENT_LEAVE,
    JOB_SEEKER_FUNDING,
    PUBLIC_SECTOR,
    SELF_FUNDED
}
