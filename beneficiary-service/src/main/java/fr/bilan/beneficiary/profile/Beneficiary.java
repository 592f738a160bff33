package fr.bilan.beneficiary.profile;

import java.time.Instant;

/**
 * A person undertaking a bilan in one centre, as stored.
 *
 * @param version counts the changes; the resource's etag
 */
public record Beneficiary(String id, BeneficiaryProfile profile, Instant createTime, Instant updateTime,
        long version) {

    public String etag() {
        return Long.toString(version);
    }
}
