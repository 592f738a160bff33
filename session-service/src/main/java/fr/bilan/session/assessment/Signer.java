package fr.bilan.session.assessment;

/** Who signs a session's attendance sheet (émargement). */
public enum Signer {
    BENEFICIARY,
    CONSULTANT
}
