package fr.bilan.beneficiary.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.agreement.AgreementDestruction;
import fr.bilan.proto.retention.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.v1.EraseAssessmentContentResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

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
class AgreementHolderGrpcService extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(AgreementHolderGrpcService.class);

    private final AgreementDestruction destruction;

    AgreementHolderGrpcService(AgreementDestruction destruction) {
        this.destruction = destruction;
    }

    /** Nothing to delete here: retention-service registers no object of this service, so never asks. */
    @Override
    public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        throw Status.FAILED_PRECONDITION.withDescription("beneficiary-service ne conserve aucun objet stocké : il "
                + "n'en enregistre aucun auprès de retention-service, et n'a donc rien à supprimer.")
                .asRuntimeException();
    }

    /**
     * Destroys the agreement of the action's funding, keeping its stub; without a funding (a bilan
     * that had none, or paid without an agreement), again, or for a funding it does not know, it
     * erases nothing.
     */
    @Override
    public void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        String fundingId = request.getFundingId();
        FieldViolations violations = new FieldViolations()
                .requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH);
        if (fundingId.length() > Lookups.MAX_ID_LENGTH) {
            violations.add("funding_id", "Identifiant de financement trop long (" + Lookups.MAX_ID_LENGTH
                    + " caractères au plus).");
        }
        violations.throwIfAny();
        long erased = fundingId.isEmpty() ? 0 : destruction.destroyOf(fundingId);
        log.info("Agreement of funding {} (bilan {}) destroyed for the purge: {} record(s)",
                fundingId.isEmpty() ? "(none)" : fundingId, request.getAssessmentId(), erased);
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(erased).setKeyDestroyed(false)
                .build());
        response.onCompleted();
    }
}
