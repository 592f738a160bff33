package fr.bilan.retention.consent;

import java.time.Instant;

import fr.bilan.retention.rules.ConsentDecision;
import fr.bilan.retention.rules.ConsentKind;
import fr.bilan.retention.rules.RecipientKind;

/**
 * A consent granted or withdrawn in a beneficiary's ledger (beneficiary-service), as retention
 * keeps it: identifiers, kind and decision, never names nor evidence.
 *
 * @param eventId       the consent record's identifier, unique per change
 * @param sequence      its position in the beneficiary's ledger, from 1
 * @param recipientKind for {@code SYNTHESIS_SHARING} only, {@code null} otherwise
 */
public record ConsentChange(String eventId, String beneficiaryId, long sequence, ConsentKind kind,
        ConsentDecision decision, RecipientKind recipientKind, Instant recordTime) {
}
