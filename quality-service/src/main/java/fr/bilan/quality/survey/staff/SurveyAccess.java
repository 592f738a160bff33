package fr.bilan.quality.survey.staff;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.support.security.Caller;

/**
 * Who reads what of the surveys: a bilan's surveys (kinds, states, dates, never the answers) by its assigned
 * consultant and by the managers and auditors of its centre; the free comments by the centre's managers only
 * (its quality staff, never a funder); the questionnaire by the centre's managers and auditors and the
 * network's admins.
 */
final class SurveyAccess {

    private SurveyAccess() {
    }

    static boolean surveysOf(Caller caller, BilanRecord bilan) {
        return caller.holdsIn(bilan.centreId(), Role.CONSULTANT) && caller.isAccount(bilan.consultantId())
                || caller.holdsIn(bilan.centreId(), Role.CENTRE_MANAGER, Role.AUDITOR);
    }

    static boolean commentsOf(Caller caller, String centreId) {
        return caller.holdsIn(centreId, Role.CENTRE_MANAGER);
    }

    static boolean questionnaireOf(Caller caller, String centreId) {
        return caller.hasRole(Role.NETWORK_ADMIN) || caller.holdsIn(centreId, Role.CENTRE_MANAGER, Role.AUDITOR);
    }
}
