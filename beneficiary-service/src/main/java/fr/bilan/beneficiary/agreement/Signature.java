package fr.bilan.beneficiary.agreement;

import java.time.Instant;

import fr.bilan.beneficiary.Evidence;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;

/**
 * One party's signature, or the employee's refusal ({@code party} is then the employee), as
 * recorded: how it was given, the SHA-256 of the signed document, who recorded it and when.
 *
 * @param evidenceSha256 empty for a signature in the application
 */
public record Signature(AgreementParty party, EvidenceMethod method, String evidenceSha256, String recordedBy,
        Instant time) {

    public Signature {
        evidenceSha256 = Evidence.normalized(evidenceSha256);
    }
}
