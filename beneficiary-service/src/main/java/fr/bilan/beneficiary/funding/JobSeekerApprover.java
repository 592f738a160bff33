package fr.bilan.beneficiary.funding;

/** Who approved a job seeker's funding. */
public enum JobSeekerApprover {
    FRANCE_TRAVAIL,
    APEC,
    CAP_EMPLOI
}
