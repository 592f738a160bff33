package fr.bilan.retention.schedule;

import java.util.Optional;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Who reaches a bilan's retention (BILAN.md, who may see what). session-service knows who may read
 * a bilan (its beneficiary through their login, its consultant, its centre's managers): it is asked
 * with the caller's own token ({@link BilanCentres}). Auditors and network administrators, whom it
 * does not let read bilans, are decided here from the centre retention knows.
 */
public class BilanAccess {

    private final BilanCentres sessions;

    public BilanAccess(BilanCentres sessions) {
        this.sessions = sessions;
    }

    /**
     * Checks that the caller may read the bilan's schedule: an auditor of its centre, or whoever
     * session-service lets read it (its refusals come back as they are).
     *
     * @param knownCentre the bilan's centre, when retention knows it
     */
    public void checkRead(Caller caller, String assessmentId, Optional<String> knownCentre) {
        if (knownCentre.filter(centre -> caller.holdsIn(centre, Role.AUDITOR)).isPresent()) {
            return;
        }
        sessions.readAsCaller(assessmentId);
    }

    /**
     * The centre of the bilan the caller may hold: any for a network administrator (the centre
     * retention knows), their own centres' for a manager (asking session-service when retention does
     * not know the bilan yet).
     */
    public String checkHold(Caller caller, String assessmentId, Optional<String> knownCentre) {
        if (caller.hasRole(Role.NETWORK_ADMIN) && knownCentre.isPresent()) {
            return knownCentre.get();
        }
        String centre = knownCentre.orElseGet(() -> sessions.readAsCaller(assessmentId));
        if (!caller.holdsIn(centre, Role.CENTRE_MANAGER) && !caller.hasRole(Role.NETWORK_ADMIN)) {
            throw new Forbidden("Seuls un responsable du centre de ce bilan et l'administration du réseau peuvent "
                    + "suspendre ou reprendre la destruction de ses documents.");
        }
        return centre;
    }
}
