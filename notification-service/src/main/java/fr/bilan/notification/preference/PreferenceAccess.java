package fr.bilan.notification.preference;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.security.Caller;

/**
 * Who may read and change a beneficiary's choices: the beneficiary, through the login linked to them;
 * a consultant of their centre assigned to them; a manager of their centre (who records what the
 * person asked).
 */
final class PreferenceAccess {

    static boolean allowed(Caller caller, CareTeam team) {
        if (caller.hasRole(Role.BENEFICIARY) && caller.isAccount(team.accountId())) {
            return true;
        }
        if (caller.holdsIn(team.centreId(), Role.CONSULTANT) && team.consultantIds().contains(caller.subject())) {
            return true;
        }
        return caller.holdsIn(team.centreId(), Role.CENTRE_MANAGER);
    }

    private PreferenceAccess() {
    }
}
