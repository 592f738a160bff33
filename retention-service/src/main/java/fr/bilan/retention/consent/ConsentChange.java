package fr.bilan.retention.consent;

import java.time.Instant;
import java.util.Arrays;

import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.RecipientKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;

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

    private static final String PREFIX = "change.";

    /** Checks a change as it came over the wire; refuses it field by field ({@code INVALID_ARGUMENT}). */
    public static ConsentChange of(fr.bilan.proto.retention.internal.v1.ConsentChange change) {
        FieldViolations violations = new FieldViolations()
                .requireText(PREFIX + "event_id", change.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "beneficiary_id", change.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        if (change.getSequence() < 1) {
            violations.add(PREFIX + "sequence", "La position dans le registre des consentements commence à 1.");
        }
        ConsentKind kind = named(ConsentKind.class, change.getKind(), ConsentKind.CONSENT_KIND_UNSPECIFIED);
        if (kind == null) {
            violations.add(PREFIX + "kind", "Objet du consentement inconnu.");
        }
        ConsentDecision decision = named(ConsentDecision.class, change.getDecision(),
                ConsentDecision.CONSENT_DECISION_UNSPECIFIED);
        if (decision == null) {
            violations.add(PREFIX + "decision", "Indiquez GRANTED (donné) ou WITHDRAWN (retiré).");
        }
        RecipientKind recipientKind = null;
        if (kind == ConsentKind.SYNTHESIS_SHARING) {
            recipientKind = named(RecipientKind.class, change.getRecipientKind(), RecipientKind.RECIPIENT_KIND_UNSPECIFIED);
            if (recipientKind == null) {
                violations.add(PREFIX + "recipient_kind", "Indiquez le type de destinataire de la synthèse.");
            }
        } else if (!change.getRecipientKind().isEmpty()) {
            violations.add(PREFIX + "recipient_kind", "Seul le partage de la synthèse a un destinataire.");
        }
        if (!change.hasRecordTime() || change.getRecordTime().getSeconds() <= 0) {
            violations.add(PREFIX + "record_time", "Indiquez la date d'enregistrement du consentement.");
        }
        violations.throwIfAny();
        return new ConsentChange(change.getEventId(), change.getBeneficiaryId(), change.getSequence(), kind, decision,
                recipientKind, Instant.ofEpochSecond(change.getRecordTime().getSeconds(), change.getRecordTime().getNanos()));
    }

    /** The constant of that name, or {@code null} when none or the unspecified one. */
    private static <E extends Enum<E>> E named(Class<E> type, String name, E unspecified) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant != unspecified && constant.name().equals(name)
                        && !constant.name().equals("UNRECOGNIZED"))
                .findFirst().orElse(null);
    }
}
