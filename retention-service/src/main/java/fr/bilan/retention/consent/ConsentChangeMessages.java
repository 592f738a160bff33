package fr.bilan.retention.consent;

import java.time.Instant;
import java.util.Arrays;

import fr.bilan.retention.rules.ConsentDecision;
import fr.bilan.retention.rules.ConsentKind;
import fr.bilan.retention.rules.RecipientKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;

/**
 * A consent change as the contract carries it (kinds by beneficiary-service's names), checked field
 * by field into the domain's {@link ConsentChange}.
 */
final class ConsentChangeMessages {

    private static final String PREFIX = "change.";

    /** Checks a change as it came over the wire; refuses it field by field ({@code INVALID_ARGUMENT}). */
    static ConsentChange fromProto(fr.bilan.proto.retention.internal.v1.ConsentChange change) {
        FieldViolations violations = new FieldViolations()
                .requireText(PREFIX + "event_id", change.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "beneficiary_id", change.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        if (change.getSequence() < 1) {
            violations.add(PREFIX + "sequence", "La position dans le registre des consentements commence à 1.");
        }
        ConsentKind kind = named(ConsentKind.class, change.getKind());
        if (kind == null) {
            violations.add(PREFIX + "kind", "Objet du consentement inconnu.");
        }
        ConsentDecision decision = named(ConsentDecision.class, change.getDecision());
        if (decision == null) {
            violations.add(PREFIX + "decision", "Indiquez GRANTED (donné) ou WITHDRAWN (retiré).");
        }
        RecipientKind recipientKind = null;
        if (kind == ConsentKind.SYNTHESIS_SHARING) {
            recipientKind = named(RecipientKind.class, change.getRecipientKind());
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

    /** The constant of that name, or {@code null} when none (the contract's unspecified value included). */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElse(null);
    }

    private ConsentChangeMessages() {
    }
}
