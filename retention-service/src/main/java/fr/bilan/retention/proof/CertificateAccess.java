package fr.bilan.retention.proof;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Who reads a centre's destruction certificates. The contract lets auditors, centre managers and
 * network administrators call; auditors and managers reach only the centres of their
 * {@code centres} claim, network administrators every centre.
 */
final class CertificateAccess {

    private CertificateAccess() {
    }

    static void checkReader(Caller caller, String centreId) {
        if (!caller.holdsIn(centreId, Role.AUDITOR, Role.CENTRE_MANAGER) && !caller.hasRole(Role.NETWORK_ADMIN)) {
            throw new Forbidden("Vous n'avez accès qu'aux certificats de destruction de vos centres : ce centre n'en "
                    + "fait pas partie.");
        }
    }
}
