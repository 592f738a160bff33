package fr.bilan.quality.holding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.support.holding.ContentHolderGrpcService;

/**
 * quality-service as a holder of a bilan's process evidence, for retention-service's purge: its facts,
 * surveys and follow-up, registered at the end of the action as one content entry of kind
 * {@code ATTENDANCE} and destroyed with the sessions' evidence (three years). Only platform services call
 * here (the contract). It stores no objects and holds no key of the bilan.
 */
@GrpcService
class ProcessEvidenceHolderGrpcService extends ContentHolderGrpcService {

    private static final Logger log = LoggerFactory.getLogger(ProcessEvidenceHolderGrpcService.class);

    private final BilanEvidenceRepository evidence;

    ProcessEvidenceHolderGrpcService(BilanEvidenceRepository evidence) {
        super("quality-service");
        this.evidence = evidence;
    }

    /** The quality loop knows a bilan by its id only: the funding is not used. */
    @Override
    protected long erase(String assessmentId, String fundingId) {
        long erased = evidence.destroy(assessmentId);
        log.info("Quality evidence of bilan {} destroyed for the purge: {} record(s){}", assessmentId, erased,
                erased == 0 ? " (none left)" : "");
        return erased;
    }
}
