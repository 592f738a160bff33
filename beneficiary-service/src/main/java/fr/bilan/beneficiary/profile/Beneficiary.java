package fr.bilan.beneficiary.profile;

import java.time.Instant;
import java.util.List;

import fr.bilan.support.audit.AccessedData;

/**
 * A person undertaking a bilan in one centre, as stored.
 *
 * @param version    counts the changes; the resource's etag
 * @param erasedTime    when their personal data was erased (RGPD art. 17), {@code null} if it was
 *                      not; an erased record keeps only its id, centre and times
 * @param consultantIds the consultants assigned to their bilan, who alone among consultants reach them
 */
public record Beneficiary(String id, BeneficiaryProfile profile, Instant createTime, Instant updateTime,
        long version, Instant erasedTime, List<String> consultantIds) {

    public Beneficiary {
        consultantIds = List.copyOf(consultantIds);
    }

    public boolean erased() {
        return erasedTime != null;
    }

    public String etag() {
        return Long.toString(version);
    }

    /** This record, for the access log. */
    public AccessedData accessed() {
        return AccessedData.of("beneficiaries", id, id, profile.centreId());
    }

    /** A part of this record ({@code consentRecords}...), for the access log. */
    public AccessedData accessed(String part) {
        return new AccessedData(accessed().resource() + "/" + part, id, profile.centreId());
    }
}
