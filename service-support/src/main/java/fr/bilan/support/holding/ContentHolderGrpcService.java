package fr.bilan.support.holding;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * A service as a holder of a bilan's content kept in its database only, for retention-service's
 * purge (session-service's process evidence, beneficiary-service's agreements): it stores no object
 * (retention-service registers none of it, so never asks to delete one), and seals nothing with a key
 * of the bilan ({@code key_destroyed} is always false). Only platform services call it (the
 * contract). What it erases, and how, is the service's; erasing again erases nothing.
 */
public abstract class ContentHolderGrpcService extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    private final String serviceName;

    /** @param serviceName as the refusal of a deletion names it, e.g. {@code session-service} */
    protected ContentHolderGrpcService(String serviceName) {
        this.serviceName = serviceName;
    }

    /**
     * Erases what the service holds of the bilan ({@code fundingId}: its funding, when the end of the
     * action named one; empty otherwise).
     *
     * @return the records erased by this call: 0 when erased already, or when it holds nothing of it
     */
    protected abstract long erase(String assessmentId, String fundingId);

    @Override
    public final void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        throw Status.FAILED_PRECONDITION.withDescription(serviceName + " ne conserve aucun objet stocké : il n'en "
                + "enregistre aucun auprès de retention-service, et n'a donc rien à supprimer.").asRuntimeException();
    }

    @Override
    public final void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH);
        if (request.getFundingId().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("funding_id", "Identifiant de financement trop long (" + Lookups.MAX_ID_LENGTH
                    + " caractères au plus).");
        }
        violations.throwIfAny();
        long erased = erase(request.getAssessmentId(), request.getFundingId());
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(erased).setKeyDestroyed(false)
                .build());
        response.onCompleted();
    }
}
