package fr.bilan.session.assessment;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Who reaches a bilan, beyond the roles the contract names (BILAN.md, who may see what): the
 * beneficiary their own (through the login linked to them), the consultant the bilans assigned to
 * them now, centre managers those of their centres (the {@code centres} claim), auditors the hours
 * and attendance of their centres' bilans.
 */
final class AssessmentAccess {

    private AssessmentAccess() {
    }

    static boolean isBeneficiary(Caller caller, Assessment assessment) {
        return caller.hasRole(Role.BENEFICIARY) && caller.isAccount(assessment.beneficiaryAccountId());
    }

    static boolean isConsultant(Caller caller, Assessment assessment) {
        return caller.holdsIn(assessment.centreId(), Role.CONSULTANT) && caller.isAccount(assessment.consultantId());
    }

    /** The beneficiary, their consultant, or a manager of the centre. */
    static void checkRead(Caller caller, Assessment assessment) {
        if (!isBeneficiary(caller, assessment)) {
            checkPlanner(caller, assessment);
        }
    }

    /** The bilan's consultant or a manager of its centre: who plans its sessions and moves it on. */
    static void checkPlanner(Caller caller, Assessment assessment) {
        if (!isConsultant(caller, assessment) && !caller.holdsIn(assessment.centreId(), Role.CENTRE_MANAGER)) {
            throw new Forbidden("Ce bilan n'est pas l'un des vôtres : seuls son consultant et les responsables de son "
                    + "centre y ont accès.");
        }
    }

    /** A manager of the bilan's centre. */
    static void checkManager(Caller caller, String centreId) {
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER)) {
            throw new Forbidden("Seul un responsable de ce centre peut faire cela.");
        }
    }

    /** Hours and attendance: the planners, and the auditors of the centre. */
    static void checkReport(Caller caller, Assessment assessment) {
        if (!caller.holdsIn(assessment.centreId(), Role.AUDITOR)) {
            checkPlanner(caller, assessment);
        }
    }
}
