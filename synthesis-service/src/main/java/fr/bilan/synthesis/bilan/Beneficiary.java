package fr.bilan.synthesis.bilan;

/**
 * A bilan's beneficiary as the synthèse needs them, read from beneficiary-service.
 *
 * @param accountId their login, empty when they have none: who reads the synthèse as them
 */
public record Beneficiary(String id, String accountId, String givenName, String familyName) {

    /** As the synthèse prints it. */
    public String fullName() {
        return givenName + " " + familyName;
    }
}
