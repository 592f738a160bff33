package fr.bilan.beneficiary.consent;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.bilan.support.refusal.RuleRefusal;

/** A beneficiary's consents, oldest first; what is in force is what the latest record of each kind says. */
public record ConsentLedger(List<ConsentEntry> entries) {

    public ConsentLedger {
        entries = entries.stream().sorted(Comparator.comparingLong(ConsentEntry::sequence)).toList();
    }

    /** The latest record about this kind (and recipient), which decides whether it is in force. */
    public Optional<ConsentEntry> deciding(ConsentKind kind, Recipient recipient) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).concerns(kind, recipient)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean inForce(ConsentKind kind, Recipient recipient) {
        return deciding(kind, recipient).map(entry -> entry.decision() == ConsentDecision.GRANTED).orElse(false);
    }

    /** Only what is in force can be withdrawn: anything else is refused, saying so. */
    public void checkAccepts(NewConsent consent) {
        if (consent.decision() == ConsentDecision.WITHDRAWN && !inForce(consent.kind(), consent.recipient())) {
            throw new RuleRefusal("Il n'y a pas de consentement en vigueur à retirer pour cet objet"
                    + (consent.recipient() == null ? "." : " et ce destinataire."));
        }
    }
}
