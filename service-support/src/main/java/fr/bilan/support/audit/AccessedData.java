package fr.bilan.support.audit;

/**
 * The personal data one access reached: the resource by name ({@code beneficiaries/{id}},
 * {@code fundings/{id}}) and whose data it is, so that the beneficiary and the centre's auditors
 * can find the access later.
 */
public record AccessedData(String resource, String beneficiaryId, String centreId) {

    public static AccessedData of(String collection, String id, String beneficiaryId, String centreId) {
        return new AccessedData(collection + "/" + id, beneficiaryId, centreId);
    }
}
