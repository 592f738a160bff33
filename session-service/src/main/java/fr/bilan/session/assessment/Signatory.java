package fr.bilan.session.assessment;

import java.util.Optional;

import fr.bilan.support.refusal.Forbidden;

/**
 * Who asks to sign a session's attendance sheet, as the bilan sees them: their login, whether they are
 * the bilan's beneficiary, whether they are a consultant of its centre (the session's own consultant
 * when their login is the one leading it).
 */
public record Signatory(String subject, boolean beneficiary, boolean consultantOfCentre) {

    /**
     * Whose signature it is: the beneficiary signs as themself, the session's consultant as themself,
     * or for the beneficiary from a signed paper sheet; anyone else is refused.
     *
     * @param asked whose signature the caller says it is; empty for their own
     */
    Signer signerFor(ScheduledSession session, Optional<Signer> asked, SignatureMethod method) {
        boolean sessionConsultant = consultantOfCentre && subject.equals(session.consultantId());
        if (beneficiary && asked.orElse(null) != Signer.CONSULTANT) {
            return Signer.BENEFICIARY;
        }
        if (sessionConsultant && asked.orElse(null) == Signer.BENEFICIARY) {
            if (method != SignatureMethod.PAPER_SHEET) {
                throw new Forbidden("Le consultant ne reporte la signature du bénéficiaire que depuis une feuille "
                        + "d'émargement papier signée (PAPER_SHEET).");
            }
            return Signer.BENEFICIARY;
        }
        if (sessionConsultant) {
            return Signer.CONSULTANT;
        }
        throw new Forbidden("Seuls le bénéficiaire et le consultant de la séance signent sa feuille d'émargement, "
                + "chacun pour soi.");
    }
}
