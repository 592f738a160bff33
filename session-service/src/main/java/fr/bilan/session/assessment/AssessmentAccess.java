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

    /** A consultant opens a bilan for themself; a manager of the beneficiary's centre for any consultant. */
    static void checkOpen(Caller caller, String centreId, String consultantId) {
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER)
                && !(caller.isAccount(consultantId) && caller.holdsIn(centreId, Role.CONSULTANT))) {
            throw new Forbidden("Un consultant ouvre un bilan pour lui-même ; un responsable du centre du "
                    + "bénéficiaire peut l'ouvrir pour un autre consultant.");
        }
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

    /** Who signs for whom is the bilan's rule ({@link Signatory}); this says who the caller is to it. */
    static Signatory signatory(Caller caller, Assessment assessment) {
        return new Signatory(caller.subject(), isBeneficiary(caller, assessment),
                caller.holdsIn(assessment.centreId(), Role.CONSULTANT));
    }

    /** A session's absence is noted by its consultant, a member of the bilan's centre. */
    static void checkMarksAbsence(Caller caller, Assessment assessment, ScheduledSession session) {
        if (!caller.subject().equals(session.consultantId()) || !caller.centres().contains(assessment.centreId())) {
            throw new Forbidden("Seul le consultant de la séance peut noter l'absence du bénéficiaire.");
        }
    }

    /**
     * The beneficiary's personal work: noted by the bilan's consultant, or by the beneficiary
     * themself (it is their own work; who recorded it is kept). Not by a manager: they did not see it.
     */
    static void checkRecordsPersonalWork(Caller caller, Assessment assessment) {
        if (!isConsultant(caller, assessment) && !isBeneficiary(caller, assessment)) {
            throw new Forbidden("Seuls le bénéficiaire et le consultant de ce bilan notent son travail personnel.");
        }
    }

    /** Hours and attendance: the planners, and the auditors of the centre. */
    static void checkReport(Caller caller, Assessment assessment) {
        if (!caller.holdsIn(assessment.centreId(), Role.AUDITOR)) {
            checkPlanner(caller, assessment);
        }
    }
}
