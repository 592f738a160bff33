package fr.bilan.beneficiary.agreement;

/** Who signs a tripartite agreement. */
public enum AgreementParty {
    /** The employee whose bilan it is. */
    EMPLOYEE,
    /** The employer that pays. */
    EMPLOYER_PARTY,
    /** The centre that provides the bilan. */
    PROVIDER
}
