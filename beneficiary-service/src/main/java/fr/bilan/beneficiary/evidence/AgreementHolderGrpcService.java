package fr.bilan.beneficiary.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.agreement.AgreementDestruction;
import fr.bilan.support.holding.ContentHolderGrpcService;

/**
 * beneficiary-service as a holder of documents, for retention-service's purge: it holds the
 * tripartite agreement of the funding that paid for a bilan, registered at the end of the action as
 * one content entry of kind {@code AGREEMENT} and destroyed three years later (L6362-6). This
 * service does not know which bilan a funding paid for: the purge passes the funding the end of the
 * action named. Only platform services call here (the contract). It stores no objects, and encrypts
 * nothing with a key of the bilan: {@code key_destroyed} is always false. The funding itself stays:
 * the CPF's five-year rule still reads it (D6323-6).
 */
@GrpcService
class AgreementHolderGrpcService extends ContentHolderGrpcService {

    private static final Logger log = LoggerFactory.getLogger(AgreementHolderGrpcService.class);

    private final AgreementDestruction destruction;

    AgreementHolderGrpcService(AgreementDestruction destruction) {
        super("beneficiary-service");
        this.destruction = destruction;
    }

    /**
     * Destroys the agreement of the action's funding, keeping its stub; without a funding (a bilan
     * that had none, or paid without an agreement), again, or for a funding it does not know, it
     * erases nothing.
     */
    @Override
    protected long erase(String assessmentId, String fundingId) {
        long erased = fundingId.isEmpty() ? 0 : destruction.destroyOf(fundingId);
        log.info("Agreement of funding {} (bilan {}) destroyed for the purge: {} record(s)",
                fundingId.isEmpty() ? "(none)" : fundingId, assessmentId, erased);
        return erased;
    }
}
