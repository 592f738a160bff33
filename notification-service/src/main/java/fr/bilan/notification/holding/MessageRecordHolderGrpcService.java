package fr.bilan.notification.holding;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.support.holding.ContentHolderGrpcService;

/**
 * notification-service as a holder of a bilan's process evidence, for retention-service's purge: the
 * record of the messages sent about it, registered at the end of the action as one content entry of kind
 * {@code ATTENDANCE} and destroyed with the sessions' evidence. Only platform services call here (the
 * contract). It stores no objects and holds no key of the bilan.
 */
@GrpcService
class MessageRecordHolderGrpcService extends ContentHolderGrpcService {

    private final MessageRecordErasure erasure;

    MessageRecordHolderGrpcService(MessageRecordErasure erasure) {
        super("notification-service");
        this.erasure = erasure;
    }

    /** Agreements' messages name no bilan (their funding's agreement is beneficiary-service's): the funding is not used. */
    @Override
    protected long erase(String assessmentId, String fundingId) {
        return erasure.erase(assessmentId);
    }
}
