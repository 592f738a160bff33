package fr.bilan.beneficiary.profile;

import java.util.List;

import fr.bilan.beneficiary.UpdateMask;

/**
 * A change to a beneficiary: the fields named by the update mask take their new values, the others
 * keep theirs. The centre, identifiers and times are not the caller's to change.
 */
public record ProfileUpdate(BeneficiaryProfile requested, List<String> paths) {

    static final List<String> CHANGEABLE = List.of("given_name", "family_name", "email", "phone", "employment_status",
            "account_id");

    /** Throws {@code InvalidFields} for an empty mask or a path that names no changeable field. */
    public ProfileUpdate {
        paths = UpdateMask.check(paths, CHANGEABLE);
    }

    /** The profile after the change, validated as a whole. */
    public BeneficiaryProfile applyTo(BeneficiaryProfile current) {
        return new BeneficiaryProfile(current.centreId(),
                pick("given_name", requested.givenName(), current.givenName()),
                pick("family_name", requested.familyName(), current.familyName()),
                pick("email", requested.email(), current.email()),
                pick("phone", requested.phone(), current.phone()),
                pick("employment_status", requested.employmentStatus(), current.employmentStatus()),
                pick("account_id", requested.accountId(), current.accountId()))
                .validate("beneficiary.");
    }

    private <T> T pick(String path, T requestedValue, T currentValue) {
        return paths.contains(path) ? requestedValue : currentValue;
    }
}
