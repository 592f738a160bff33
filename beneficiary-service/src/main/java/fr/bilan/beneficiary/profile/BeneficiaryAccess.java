package fr.bilan.beneficiary.profile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Whose records a caller reaches, beyond the roles the contract names: a beneficiary their own
 * record (through the login linked to it), centre managers those of their centres (the
 * {@code centres} claim), consultants those of their centres assigned to them (BILAN.md: the bilans
 * assigned to them); where an RPC narrows it, only some roles of those centres. A refusal is a
 * {@link Forbidden} saying why, in French.
 */
public final class BeneficiaryAccess {

    private BeneficiaryAccess() {
    }

    /** Whether the caller is the beneficiary, through the login linked to the record. */
    public static boolean isOwnRecord(Caller caller, Beneficiary beneficiary) {
        return caller.hasRole(Role.BENEFICIARY) && caller.isAccount(beneficiary.profile().accountId());
    }

    public static void checkRead(Caller caller, Beneficiary beneficiary) {
        if (!isOwnRecord(caller, beneficiary)) {
            checkStaff(caller, beneficiary);
        }
    }

    /** A centre manager of the beneficiary's centre, or a consultant of that centre assigned to them. */
    public static void checkStaff(Caller caller, Beneficiary beneficiary) {
        String centre = beneficiary.profile().centreId();
        if (caller.holdsIn(centre, Role.CENTRE_MANAGER)) {
            return;
        }
        if (!caller.holdsIn(centre, Role.CONSULTANT)) {
            throw notInYourCentres();
        }
        if (!beneficiary.consultantIds().contains(caller.subject())) {
            throw new Forbidden("Ce bénéficiaire n'est pas suivi par vous : seul un consultant affecté à son bilan y "
                    + "a accès.");
        }
    }

    /** Who assigns consultants: a manager of the beneficiary's centre. */
    public static void checkAssigner(Caller caller, Beneficiary beneficiary) {
        if (!caller.holdsIn(beneficiary.profile().centreId(), Role.CENTRE_MANAGER)) {
            throw ownCentresOnly();
        }
    }

    /**
     * The consultant a list is narrowed to: the caller, when they reach beneficiaries as a consultant
     * only; empty for a centre manager, who sees the whole centre.
     */
    public static Optional<String> assignedConsultantToList(Caller caller) {
        return caller.hasRole(Role.CENTRE_MANAGER) ? Optional.empty() : Optional.of(caller.subject());
    }

    /** The consultants assigned to a beneficiary a caller registers: the consultant themself, who holds the intake. */
    public static List<String> consultantsOnRegistration(Caller caller) {
        return caller.hasRole(Role.CONSULTANT) ? List.of(caller.subject()) : List.of();
    }

    /** Who exports or erases a beneficiary's personal data: the beneficiary themself, or a manager of their centre. */
    public static void checkOwnOrCentreManager(Caller caller, Beneficiary beneficiary) {
        if (!isOwnRecord(caller, beneficiary) && !caller.holdsIn(beneficiary.profile().centreId(), Role.CENTRE_MANAGER)) {
            throw notInYourCentres();
        }
    }

    /**
     * Who reads the accesses to a beneficiary's data: the beneficiary themself, or a manager or an
     * auditor of their centre.
     */
    public static void checkOwnOrAccessRecordReader(Caller caller, Beneficiary beneficiary) {
        if (!isOwnRecord(caller, beneficiary)
                && !caller.holdsIn(beneficiary.profile().centreId(), Role.CENTRE_MANAGER, Role.AUDITOR)) {
            throw notInYourCentres();
        }
    }

    /** Who reads the accesses to a centre's data: a manager or an auditor of that centre. */
    public static void checkAccessRecordReader(Caller caller, String centreId) {
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER, Role.AUDITOR)) {
            throw ownCentresOnly();
        }
    }

    public static void checkCentre(Caller caller, String centreId) {
        if (!caller.holdsIn(centreId, Role.CONSULTANT, Role.CENTRE_MANAGER)) {
            throw new Forbidden("Vous n'avez accès qu'aux bénéficiaires de vos centres.");
        }
    }

    /** The centres a list covers: the one asked for (if the caller's), or all of the caller's. */
    public static Set<String> centresToList(Caller caller, String centreId) {
        if (centreId.isEmpty()) {
            return caller.hasRole(Role.CONSULTANT) || caller.hasRole(Role.CENTRE_MANAGER) ? caller.centres() : Set.of();
        }
        checkCentre(caller, centreId);
        return Set.of(centreId);
    }

    /**
     * The centres a network-wide figure covers: every one (empty) or the one asked for the network
     * admin; for a centre manager, their centres, or the one asked if theirs.
     */
    public static Optional<Set<String>> centresOverseen(Caller caller, String centreId) {
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            return centreId.isEmpty() ? Optional.empty() : Optional.of(Set.of(centreId));
        }
        if (centreId.isEmpty()) {
            return Optional.of(caller.centres());
        }
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER)) {
            throw ownCentresOnly();
        }
        return Optional.of(Set.of(centreId));
    }

    private static Forbidden notInYourCentres() {
        return new Forbidden("Ce bénéficiaire n'est pas suivi dans l'un de vos centres.");
    }

    private static Forbidden ownCentresOnly() {
        return new Forbidden("Vous n'avez accès qu'aux données de vos centres.");
    }
}
