package fr.bilan.retention.schedule;

import java.util.Optional;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc.AssessmentServiceBlockingStub;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.Caller;
import io.grpc.Status;

/**
 * Who reaches a bilan's retention (BILAN.md, who may see what). session-service knows who may read
 * a bilan (its beneficiary through their login, its consultant, its centre's managers): it is asked
 * with the caller's own token. Auditors and network administrators, whom it does not let read
 * bilans, are decided here from the centre retention knows.
 */
public class BilanAccess {

    static final String AUDITOR = AccessRules.realmRole(Role.AUDITOR);
    static final String CENTRE_MANAGER = AccessRules.realmRole(Role.CENTRE_MANAGER);
    static final String NETWORK_ADMIN = AccessRules.realmRole(Role.NETWORK_ADMIN);

    private final AssessmentServiceBlockingStub assessments;
    private final Downstream sessions;

    public BilanAccess(AssessmentServiceBlockingStub assessments, Downstream sessions) {
        this.assessments = assessments;
        this.sessions = sessions;
    }

    /**
     * Checks that the caller may read the bilan's schedule: an auditor of its centre, or whoever
     * session-service lets read it (its refusals come back as they are).
     *
     * @param knownCentre the bilan's centre, when retention knows it
     */
    public void checkRead(Caller caller, String assessmentId, Optional<String> knownCentre) {
        if (knownCentre.filter(centre -> caller.hasRole(AUDITOR) && caller.centres().contains(centre)).isPresent()) {
            return;
        }
        readInSessions(assessmentId);
    }

    /**
     * The centre of the bilan the caller may hold: any for a network administrator (the centre
     * retention knows), their own centres' for a manager (asking session-service when retention does
     * not know the bilan yet).
     */
    public String checkHold(Caller caller, String assessmentId, Optional<String> knownCentre) {
        if (caller.hasRole(NETWORK_ADMIN) && knownCentre.isPresent()) {
            return knownCentre.get();
        }
        String centre = knownCentre.orElseGet(() -> readInSessions(assessmentId));
        if (!(caller.hasRole(CENTRE_MANAGER) && caller.centres().contains(centre)) && !caller.hasRole(NETWORK_ADMIN)) {
            throw Status.PERMISSION_DENIED.withDescription("Seuls un responsable du centre de ce bilan et "
                    + "l'administration du réseau peuvent suspendre ou reprendre la destruction de ses documents.")
                    .asRuntimeException();
        }
        return centre;
    }

    /** Reads the bilan in session-service as the caller: its centre. */
    private String readInSessions(String assessmentId) {
        return sessions.call(() -> sessions.asCaller(assessments)
                .getAssessment(GetAssessmentRequest.newBuilder().setId(assessmentId).build())).getAssessment()
                .getCentreId();
    }
}
