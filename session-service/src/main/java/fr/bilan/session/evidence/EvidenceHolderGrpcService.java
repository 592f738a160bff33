package fr.bilan.session.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.session.assessment.AssessmentChanges;
import fr.bilan.support.holding.ContentHolderGrpcService;

/**
 * session-service as a holder of documents, for retention-service's purge: it holds the process
 * evidence of every bilan (sessions, hours, attendance sheets, consultants' history), registered at
 * the end of the action as one content entry of kind {@code ATTENDANCE} and destroyed three years
 * later (L6362-6). Only platform services call here (the contract). It stores no objects, and
 * encrypts nothing with a key of the bilan: {@code key_destroyed} is always false.
 */
@GrpcService
class EvidenceHolderGrpcService extends ContentHolderGrpcService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceHolderGrpcService.class);

    private final AssessmentChanges changes;

    EvidenceHolderGrpcService(AssessmentChanges changes) {
        super("session-service");
        this.changes = changes;
    }

    /** Destroys the bilan's process evidence, keeping its stub; again, or for an unknown bilan, erases nothing. */
    @Override
    protected long erase(String assessmentId, String fundingId) {
        long erased = changes.destroyEvidence(assessmentId);
        log.info("Process evidence of bilan {} destroyed for the purge: {} record(s){}", assessmentId, erased,
                erased == 0 ? " (none left)" : "");
        return erased;
    }
}
