package fr.bilan.beneficiary.profile;

import java.time.Instant;

/** A person undertaking a bilan in one centre, as stored. */
public record Beneficiary(String id, String centreId, String givenName, String familyName, String email,
        Instant createTime) {
}
