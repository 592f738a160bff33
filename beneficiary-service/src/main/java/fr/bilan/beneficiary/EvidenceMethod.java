package fr.bilan.beneficiary;

/** How a consent, a signature or a refusal was given. */
public enum EvidenceMethod {
    /** A form signed by hand, kept as the SHA-256 of its scan. */
    SIGNED_FORM,
    /** An electronic signature, kept as the SHA-256 of the signed file. */
    E_SIGNATURE,
    /** In the application, by the person themself. */
    IN_APP
}
