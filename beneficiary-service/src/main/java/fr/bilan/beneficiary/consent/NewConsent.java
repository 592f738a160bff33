package fr.bilan.beneficiary.consent;

import fr.bilan.beneficiary.Evidence;
import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.Violations;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A consent someone asks to record, checked against the law before it enters the ledger: written
 * agreement for keeping documents (R6313-7 b), a named recipient for sharing the synthèse, the
 * HR objection for public-sector agents only, and the beneficiary's own hand for in-app consent.
 *
 * @param kind      {@code null} when none was given (refused)
 * @param decision  {@code null} when none was given (refused)
 * @param recipient {@code null} when none was given
 * @param method    {@code null} when none was given (refused)
 */
public record NewConsent(ConsentKind kind, ConsentDecision decision, Recipient recipient, EvidenceMethod method,
        String evidenceSha256) {

    private static final int MAX_RECIPIENT_LENGTH = 200;

    public NewConsent {
        evidenceSha256 = Evidence.normalized(evidenceSha256);
    }

    /**
     * @param byTheBeneficiary whether the beneficiary records it themself
     * @param publicSectorAgent whether the beneficiary is a public-sector agent
     */
    public NewConsent validate(boolean byTheBeneficiary, boolean publicSectorAgent) {
        Violations violations = new Violations();
        String prefix = "consent_record.";
        if (kind == null) {
            violations.add(prefix + "kind", "Indiquez l'objet du consentement.");
        }
        if (decision == null) {
            violations.add(prefix + "decision", "Indiquez s'il est donné ou retiré.");
        }
        if (method == null) {
            violations.add(prefix + "method", "Indiquez comment il a été exprimé.");
        }
        if (kind == ConsentKind.SYNTHESIS_SHARING) {
            if (recipient == null || recipient.kind() == null) {
                violations.add(prefix + "recipient.kind", "Indiquez à qui la synthèse peut être communiquée.");
            }
            if (recipient == null || recipient.name().isEmpty() || recipient.name().length() > MAX_RECIPIENT_LENGTH) {
                violations.add(prefix + "recipient.name", "Nommez le destinataire (au plus " + MAX_RECIPIENT_LENGTH
                        + " caractères).");
            }
        } else if (recipient != null) {
            violations.add(prefix + "recipient", "Seul le partage de la synthèse a un destinataire.");
        }
        Evidence.checkFingerprint(prefix + "evidence_sha256", method, evidenceSha256, violations);
        violations.throwIfAny();
        if (kind == ConsentKind.FOLLOW_UP_RETENTION && decision == ConsentDecision.GRANTED && !Evidence.isWritten(method)) {
            throw refused("La conservation des documents pour le suivi demande l'accord écrit du bénéficiaire "
                    + "(article R6313-7) : formulaire signé ou signature électronique.");
        }
        if (kind == ConsentKind.HR_SHARING_OBJECTION && !publicSectorAgent) {
            throw refused("L'opposition à la transmission aux ressources humaines ne concerne que les agents publics.");
        }
        if (method == EvidenceMethod.IN_APP && !byTheBeneficiary) {
            throw refused("Un consentement « dans l'application » ne peut être donné que par le bénéficiaire lui-même.");
        }
        return this;
    }

    private static RuleRefusal refused(String reason) {
        return new RuleRefusal(reason);
    }
}
