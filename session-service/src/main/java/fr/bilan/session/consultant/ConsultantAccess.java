package fr.bilan.session.consultant;

import java.util.function.BooleanSupplier;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/** Whose calendar a caller reaches: a consultant their own, a centre manager the bilans of their centres. */
final class ConsultantAccess {

    private ConsultantAccess() {
    }

    static void checkCalendar(Caller caller, String consultantId) {
        if (!isOwn(caller, consultantId) && !caller.hasRole(Role.CENTRE_MANAGER)) {
            throw new Forbidden("Un consultant ne voit que son propre agenda.");
        }
    }

    /** Whether the caller sees, in that consultant's calendar, the bilans of that centre. */
    static boolean seesBilan(Caller caller, String consultantId, String centreId) {
        return isOwn(caller, consultantId) || caller.holdsIn(centreId, Role.CENTRE_MANAGER);
    }

    static boolean isOwn(Caller caller, String consultantId) {
        return caller.hasRole(Role.CONSULTANT) && caller.isAccount(consultantId);
    }

    /**
     * Who manages a consultant's availability: the consultant themself, or a manager of a centre where
     * they lead a bilan ({@code leadsInCallersCentres}, as the bilans stored say: asked only of a manager).
     */
    static void checkPlansFor(Caller caller, String consultantId, BooleanSupplier leadsInCallersCentres) {
        if (!isOwn(caller, consultantId)
                && !(caller.hasRole(Role.CENTRE_MANAGER) && leadsInCallersCentres.getAsBoolean())) {
            throw new Forbidden("Seuls le consultant et les responsables des centres où il mène des bilans gèrent ses "
                    + "disponibilités.");
        }
    }
}
