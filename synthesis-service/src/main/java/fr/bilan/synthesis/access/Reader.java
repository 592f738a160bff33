package fr.bilan.synthesis.access;

import java.util.function.Supplier;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;
import fr.bilan.synthesis.bilan.Bilan;

/**
 * The two people who read a synthèse (L6313-4, BILAN.md "who may see what"): the bilan's
 * beneficiary, through the login linked to them, and its consultant now. Nobody else: not the
 * centre's managers, whom session-service lets read the bilan, not network admins, not auditors.
 */
public enum Reader {

    BENEFICIARY, CONSULTANT;

    /**
     * Who {@code caller} is to the synthèse of {@code bilan}.
     *
     * @param beneficiaryAccount the login linked to the bilan's beneficiary, asked only of a caller
     *                           who is no consultant of the bilan
     */
    public static Reader of(Caller caller, Bilan bilan, Supplier<String> beneficiaryAccount) {
        if (caller.holdsIn(bilan.centreId(), Role.CONSULTANT) && caller.isAccount(bilan.consultantId())) {
            return CONSULTANT;
        }
        if (caller.hasRole(Role.BENEFICIARY) && caller.isAccount(beneficiaryAccount.get())) {
            return BENEFICIARY;
        }
        throw new Forbidden("La synthèse n'est accessible qu'au bénéficiaire du bilan et à son consultant.");
    }

    /** The consultant of the bilan, who writes the synthèse; refused with who may otherwise. */
    public Reader requireConsultant() {
        if (this != CONSULTANT) {
            throw new Forbidden("Seul le consultant du bilan rédige la synthèse.");
        }
        return this;
    }

    /** The beneficiary, who writes their observations; refused with who may otherwise. */
    public Reader requireBeneficiary() {
        if (this != BENEFICIARY) {
            throw new Forbidden("Seul le bénéficiaire écrit ses observations.");
        }
        return this;
    }
}
