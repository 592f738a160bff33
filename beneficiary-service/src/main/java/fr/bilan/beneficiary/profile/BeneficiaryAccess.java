package fr.bilan.beneficiary.profile;

import java.util.Optional;
import java.util.Set;

import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Whose records a caller reaches, beyond the roles the contract names: a beneficiary their own
 * record (through the login linked to it), centre managers those of their centres (the
 * {@code centres} claim), consultants those of their centres assigned to them (BILAN.md: the bilans
 * assigned to them); where an RPC narrows it, only some roles of those centres.
 */
public final class BeneficiaryAccess {

    static final String BENEFICIARY = "beneficiary";
    static final String CONSULTANT = "consultant";
    public static final String CENTRE_MANAGER = "centre-manager";
    public static final String AUDITOR = "auditor";
    private static final Set<String> CENTRE_STAFF = Set.of(CONSULTANT, CENTRE_MANAGER);

    private BeneficiaryAccess() {
    }

    /** Whether the caller is the beneficiary, through the login linked to the record. */
    public static boolean isOwnRecord(Caller caller, Beneficiary beneficiary) {
        return caller.hasRole(BENEFICIARY) && !beneficiary.profile().accountId().isEmpty()
                && beneficiary.profile().accountId().equals(caller.subject());
    }

    public static void checkRead(Caller caller, Beneficiary beneficiary) {
        if (!isOwnRecord(caller, beneficiary)) {
            checkStaff(caller, beneficiary);
        }
    }

    /** A centre manager of the beneficiary's centre, or a consultant of that centre assigned to them. */
    public static void checkStaff(Caller caller, Beneficiary beneficiary) {
        String centre = beneficiary.profile().centreId();
        if (holdsIn(caller, centre, Set.of(CENTRE_MANAGER))) {
            return;
        }
        if (!holdsIn(caller, centre, Set.of(CONSULTANT))) {
            throw denied("Ce bénéficiaire n'est pas suivi dans l'un de vos centres.");
        }
        if (!beneficiary.consultantIds().contains(caller.subject())) {
            throw denied("Ce bénéficiaire n'est pas suivi par vous : seul un consultant affecté à son bilan y a accès.");
        }
    }

    /** Who assigns consultants: a manager of the beneficiary's centre. */
    public static void checkAssigner(Caller caller, Beneficiary beneficiary) {
        checkCentreRole(caller, beneficiary.profile().centreId(), Set.of(CENTRE_MANAGER));
    }

    /**
     * The consultant a list is narrowed to: the caller, when they reach beneficiaries as a consultant
     * only; empty for a centre manager, who sees the whole centre.
     */
    public static Optional<String> assignedConsultantToList(Caller caller) {
        return caller.hasRole(CENTRE_MANAGER) ? Optional.empty() : Optional.of(caller.subject());
    }

    /** The beneficiary themself, or a caller holding one of {@code roles} in the beneficiary's centre. */
    public static void checkOwnOrCentreRole(Caller caller, Beneficiary beneficiary, Set<String> roles) {
        if (!isOwnRecord(caller, beneficiary) && !holdsIn(caller, beneficiary.profile().centreId(), roles)) {
            throw denied("Ce bénéficiaire n'est pas suivi dans l'un de vos centres.");
        }
    }

    /** A caller holding one of {@code roles} in that centre. */
    public static void checkCentreRole(Caller caller, String centreId, Set<String> roles) {
        if (!holdsIn(caller, centreId, roles)) {
            throw denied("Vous n'avez accès qu'aux données de vos centres.");
        }
    }

    public static void checkCentre(Caller caller, String centreId) {
        if (!worksIn(caller, centreId)) {
            throw denied("Vous n'avez accès qu'aux bénéficiaires de vos centres.");
        }
    }

    /** The centres a list covers: the one asked for (if the caller's), or all of the caller's. */
    public static Set<String> centresToList(Caller caller, String centreId) {
        if (centreId.isEmpty()) {
            return CENTRE_STAFF.stream().anyMatch(caller::hasRole) ? caller.centres() : Set.of();
        }
        checkCentre(caller, centreId);
        return Set.of(centreId);
    }

    private static boolean worksIn(Caller caller, String centreId) {
        return holdsIn(caller, centreId, CENTRE_STAFF);
    }

    private static boolean holdsIn(Caller caller, String centreId, Set<String> roles) {
        return roles.stream().anyMatch(caller::hasRole) && caller.centres().contains(centreId);
    }

    private static StatusRuntimeException denied(String description) {
        return Status.PERMISSION_DENIED.withDescription(description).asRuntimeException();
    }
}
