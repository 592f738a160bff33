package fr.bilan.retention.rules;

import java.time.Instant;


/**
 * A consent granted or withdrawn in the beneficiary's ledger.
 *
 * @param recipientKind for {@code SYNTHESIS_SHARING} only, {@code null} otherwise
 */
public record ConsentRecord(Instant recordTime, ConsentKind kind, RecipientKind recipientKind,
        ConsentDecision decision) {
}
