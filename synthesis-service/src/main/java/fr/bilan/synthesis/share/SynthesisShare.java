package fr.bilan.synthesis.share;

import java.time.Instant;

import fr.bilan.synthesis.bilan.Recipient;

/** A share of a bilan's synthèse with one recipient, until it expires. Its token is not kept, only its hash. */
public record SynthesisShare(String id, String assessmentId, String beneficiaryId, String centreId, Recipient recipient,
        Instant createTime, Instant expireTime) {

    /** The resource name access records use. */
    public String resource() {
        return "assessments/" + assessmentId + "/synthesis/shares/" + id;
    }
}
