package fr.bilan.session.consultant;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.security.Caller;
import io.grpc.Status;

/** Whose calendar a caller reaches: a consultant their own, a centre manager the bilans of their centres. */
final class ConsultantAccess {

    static final String CONSULTANT = AccessRules.realmRole(Role.CONSULTANT);
    static final String CENTRE_MANAGER = AccessRules.realmRole(Role.CENTRE_MANAGER);

    private ConsultantAccess() {
    }

    static void checkCalendar(Caller caller, String consultantId) {
        if (!isOwn(caller, consultantId) && !caller.hasRole(CENTRE_MANAGER)) {
            throw Status.PERMISSION_DENIED.withDescription("Un consultant ne voit que son propre agenda.")
                    .asRuntimeException();
        }
    }

    /** Whether the caller sees, in that consultant's calendar, the bilans of that centre. */
    static boolean seesBilan(Caller caller, String consultantId, String centreId) {
        return isOwn(caller, consultantId) || caller.hasRole(CENTRE_MANAGER) && caller.centres().contains(centreId);
    }

    static boolean isOwn(Caller caller, String consultantId) {
        return caller.hasRole(CONSULTANT) && caller.subject().equals(consultantId);
    }
}
