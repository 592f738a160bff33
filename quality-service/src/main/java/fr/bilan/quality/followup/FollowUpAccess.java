package fr.bilan.quality.followup;

import java.util.function.Supplier;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Who reaches a bilan's follow-up, beyond the roles the contract names: the beneficiary their own (through
 * the login linked to them), the consultant assigned now, the managers of its centre (the {@code centres}
 * claim); only the consultant records the answer and the outcome. A centre's list: all its follow-ups for its
 * managers, those of their bilans for its consultants.
 */
final class FollowUpAccess {

    private FollowUpAccess() {
    }

    /** @param beneficiaryAccount the login linked to its beneficiary, asked only of a caller who is no staff of it */
    static void checkRead(Caller caller, BilanRecord bilan, Supplier<String> beneficiaryAccount) {
        if (isConsultant(caller, bilan) || caller.holdsIn(bilan.centreId(), Role.CENTRE_MANAGER)) {
            return;
        }
        if (!caller.hasRole(Role.BENEFICIARY) || !caller.isAccount(beneficiaryAccount.get())) {
            throw new Forbidden("Ce bilan n'est pas l'un des vôtres : seuls son bénéficiaire, son consultant et les "
                    + "responsables de son centre voient son entretien de suivi.");
        }
    }

    /**
     * Whose follow-ups of {@code centreId} {@code caller} lists: {@code null} for all (a manager of the centre),
     * else their own login (a consultant of the centre).
     */
    static String listedConsultant(Caller caller, String centreId) {
        if (caller.holdsIn(centreId, Role.CENTRE_MANAGER)) {
            return null;
        }
        if (caller.holdsIn(centreId, Role.CONSULTANT)) {
            return caller.subject();
        }
        throw new Forbidden("Vous n'êtes ni consultant ni responsable de ce centre : ses entretiens de suivi ne vous "
                + "sont pas ouverts.");
    }

    static void checkConsultant(Caller caller, BilanRecord bilan) {
        if (!isConsultant(caller, bilan)) {
            throw new Forbidden("Seul le consultant de ce bilan note la réponse du bénéficiaire et le résultat de "
                    + "l'entretien de suivi.");
        }
    }

    private static boolean isConsultant(Caller caller, BilanRecord bilan) {
        return caller.holdsIn(bilan.centreId(), Role.CONSULTANT) && caller.isAccount(bilan.consultantId());
    }
}
