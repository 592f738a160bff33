package fr.bilan.beneficiary.agreement;

import java.time.Instant;

import fr.bilan.beneficiary.Evidence;
import fr.bilan.beneficiary.EvidenceMethod;

/**
 * One party's signature, or the employee's refusal ({@code party} is then the employee), as
 * recorded: how it was given, the SHA-256 of the signed document, who recorded it and when.
 *
 * @param party          {@code null} when the request named none (refused)
 * @param method         {@code null} when the request named none (refused)
 * @param evidenceSha256 empty for a signature in the application
 */
public record Signature(AgreementParty party, EvidenceMethod method, String evidenceSha256, String recordedBy,
        Instant time) {

    public Signature {
        evidenceSha256 = Evidence.normalized(evidenceSha256);
    }
}
