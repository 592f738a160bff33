package fr.bilan.session.assessment;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Who reaches a bilan, beyond the roles the contract names (BILAN.md, who may see what): the
 * beneficiary their own (through the login linked to them), the consultant the bilans assigned to
 * them now, centre managers those of their centres (the {@code centres} claim), auditors the hours
 * and attendance of their centres' bilans.
 */
final class AssessmentAccess {

    static final String BENEFICIARY = AccessRules.realmRole(Role.BENEFICIARY);
    static final String CONSULTANT = AccessRules.realmRole(Role.CONSULTANT);
    static final String CENTRE_MANAGER = AccessRules.realmRole(Role.CENTRE_MANAGER);
    static final String AUDITOR = AccessRules.realmRole(Role.AUDITOR);

    private AssessmentAccess() {
    }

    static boolean isBeneficiary(Caller caller, Assessment assessment) {
        return caller.hasRole(BENEFICIARY) && !assessment.beneficiaryAccountId().isEmpty()
                && assessment.beneficiaryAccountId().equals(caller.subject());
    }

    static boolean isConsultant(Caller caller, Assessment assessment) {
        return caller.hasRole(CONSULTANT) && caller.centres().contains(assessment.centreId())
                && assessment.consultantId().equals(caller.subject());
    }

    static boolean holdsInCentre(Caller caller, String role, String centreId) {
        return caller.hasRole(role) && caller.centres().contains(centreId);
    }

    /** The beneficiary, their consultant, or a manager of the centre. */
    static void checkRead(Caller caller, Assessment assessment) {
        if (!isBeneficiary(caller, assessment)) {
            checkPlanner(caller, assessment);
        }
    }

    /** The bilan's consultant or a manager of its centre: who plans its sessions and moves it on. */
    static void checkPlanner(Caller caller, Assessment assessment) {
        if (!isConsultant(caller, assessment) && !holdsInCentre(caller, CENTRE_MANAGER, assessment.centreId())) {
            throw denied("Ce bilan n'est pas l'un des vôtres : seuls son consultant et les responsables de son centre "
                    + "y ont accès.");
        }
    }

    /** A manager of the bilan's centre. */
    static void checkManager(Caller caller, String centreId) {
        if (!holdsInCentre(caller, CENTRE_MANAGER, centreId)) {
            throw denied("Seul un responsable de ce centre peut faire cela.");
        }
    }

    /** Hours and attendance: the planners, and the auditors of the centre. */
    static void checkReport(Caller caller, Assessment assessment) {
        if (!holdsInCentre(caller, AUDITOR, assessment.centreId())) {
            checkPlanner(caller, assessment);
        }
    }

    static StatusRuntimeException denied(String description) {
        return Status.PERMISSION_DENIED.withDescription(description).asRuntimeException();
    }
}
