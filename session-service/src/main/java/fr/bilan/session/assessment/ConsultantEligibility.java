package fr.bilan.session.assessment;

import java.util.Optional;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * R6313-5: an employer may not run bilans for its own employees, so a consultant whose employer is
 * the one paying for the bilan (employer plan, redeployment leave) cannot be assigned to it. The
 * consultants' employer is the centre's provider ({@code bilan.centres.*.provider-siret}).
 * Employers are compared by SIREN, the company number (a SIRET's first nine digits): two
 * establishments of one company are the same employer.
 */
public final class ConsultantEligibility {

    private ConsultantEligibility() {
    }

    /**
     * @param consultantEmployerSiret the consultant's employer
     * @param funderEmployerSiret     the employer paying for the bilan; empty when it is not an employer
     */
    public static void checkAssignable(String consultantEmployerSiret, Optional<String> funderEmployerSiret) {
        if (funderEmployerSiret.isPresent() && siren(funderEmployerSiret.get()).equals(siren(consultantEmployerSiret))) {
            throw new RuleRefusal("Ce consultant ne peut pas mener ce bilan : son employeur est celui qui le finance, et un "
                    + "employeur ne peut pas réaliser de bilan de compétences pour ses propres salariés (Code du "
                    + "travail, R6313-5).");
        }
    }

    private static String siren(String siret) {
        String digits = siret.replace(" ", "");
        return digits.length() >= 9 ? digits.substring(0, 9) : digits;
    }
}
