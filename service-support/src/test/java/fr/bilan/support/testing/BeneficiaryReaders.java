package fr.bilan.support.testing;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.support.security.Caller;

/**
 * Who reads a beneficiary in beneficiary-service, for the stand-ins of session- and synthesis-service's
 * tests: one copy of the rule, kept equal to the real one by {@link BeneficiaryReadContract} (run on
 * the real service and on each stand-in).
 */
public final class BeneficiaryReaders {

    private BeneficiaryReaders() {
    }

    /** The beneficiary through their linked login, a manager of their centre, or a consultant of it assigned to them. */
    public static boolean mayRead(Caller caller, Beneficiary beneficiary) {
        String centre = beneficiary.getCentreId();
        return caller.hasRole(Role.BENEFICIARY) && caller.isAccount(beneficiary.getAccountId())
                || caller.holdsIn(centre, Role.CENTRE_MANAGER)
                || caller.holdsIn(centre, Role.CONSULTANT) && beneficiary.getConsultantIdsList().contains(caller.subject());
    }
}
