package fr.bilan.beneficiary.consent;

import java.time.Instant;

import fr.bilan.beneficiary.EvidenceMethod;

/**
 * One record of a beneficiary's consent ledger, as stored and never changed.
 *
 * @param recipient       only for {@code SYNTHESIS_SHARING}, {@code null} otherwise
 * @param evidenceSha256  empty when the method has no file behind it
 * @param sequence        position in the beneficiary's ledger: later records have larger ones
 */
public record ConsentEntry(String id, String beneficiaryId, ConsentKind kind, ConsentDecision decision,
        Recipient recipient, EvidenceMethod method, String evidenceSha256, String recordedBy, Instant recordTime,
        long sequence) {

    boolean concerns(ConsentKind otherKind, Recipient otherRecipient) {
        return kind == otherKind && (recipient == null ? otherRecipient == null : recipient.sameAs(otherRecipient));
    }
}
