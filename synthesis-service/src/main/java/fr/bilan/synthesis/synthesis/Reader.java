package fr.bilan.synthesis.synthesis;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.support.security.Caller;
import io.grpc.Status;

/**
 * The two people who read a synthèse (L6313-4, BILAN.md "who may see what"): the bilan's
 * beneficiary, through the login linked to them, and its consultant now. Nobody else: not the
 * centre's managers, whom session-service lets read the bilan, not network admins, not auditors.
 */
enum Reader {

    BENEFICIARY, CONSULTANT;

    private static final String BENEFICIARY_ROLE = AccessRules.realmRole(Role.BENEFICIARY);
    private static final String CONSULTANT_ROLE = AccessRules.realmRole(Role.CONSULTANT);

    static Reader of(Caller caller, Bilan bilan, BilanDirectory directory) {
        if (caller.hasRole(CONSULTANT_ROLE) && caller.centres().contains(bilan.centreId())
                && caller.subject().equals(bilan.consultantId())) {
            return CONSULTANT;
        }
        if (caller.hasRole(BENEFICIARY_ROLE)
                && caller.subject().equals(directory.beneficiary(bilan.beneficiaryId()).getAccountId())) {
            return BENEFICIARY;
        }
        throw Status.PERMISSION_DENIED.withDescription("La synthèse n'est accessible qu'au bénéficiaire du bilan et à "
                + "son consultant.").asRuntimeException();
    }

    /** The consultant of the bilan, or a refusal naming who may. */
    static void requireConsultant(Reader reader) {
        if (reader != CONSULTANT) {
            throw Status.PERMISSION_DENIED.withDescription("Seul le consultant du bilan rédige la synthèse.")
                    .asRuntimeException();
        }
    }
}
