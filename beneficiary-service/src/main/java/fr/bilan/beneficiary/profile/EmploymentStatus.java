package fr.bilan.beneficiary.profile;

/** What the beneficiary does for a living when the bilan starts; it decides which fundings are open. */
public enum EmploymentStatus {
    PRIVATE_SECTOR_EMPLOYEE,
    PUBLIC_SECTOR_AGENT,
    JOB_SEEKER,
    SELF_EMPLOYED,
    OTHER
}
