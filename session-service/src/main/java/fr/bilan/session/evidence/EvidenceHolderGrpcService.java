package fr.bilan.session.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.v1.EraseAssessmentContentResponse;
import fr.bilan.session.assessment.AssessmentChanges;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * session-service as a holder of documents, for retention-service's purge: it holds the process
 * evidence of every bilan (sessions, hours, attendance sheets, consultants' history), registered at
 * the end of the action as one content entry of kind {@code ATTENDANCE} and destroyed three years
 * later (L6362-6). Only platform services call here (the contract). It stores no objects, and
 * encrypts nothing with a key of the bilan: {@code key_destroyed} is always false.
 */
@GrpcService
class EvidenceHolderGrpcService extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(EvidenceHolderGrpcService.class);

    private final AssessmentChanges changes;

    EvidenceHolderGrpcService(AssessmentChanges changes) {
        this.changes = changes;
    }

    /** Nothing to delete here: retention-service registers no object of this service, so never asks. */
    @Override
    public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        throw Status.FAILED_PRECONDITION.withDescription("session-service ne conserve aucun objet stocké : il n'en "
                + "enregistre aucun auprès de retention-service, et n'a donc rien à supprimer.").asRuntimeException();
    }

    /** Destroys the bilan's process evidence, keeping its stub; again, or for an unknown bilan, erases nothing. */
    @Override
    public void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        String assessmentId = request.getAssessmentId();
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH).throwIfAny();
        long erased = changes.destroyEvidence(assessmentId);
        log.info("Process evidence of bilan {} destroyed for the purge: {} record(s){}", assessmentId, erased,
                erased == 0 ? " (none left)" : "");
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(erased).setKeyDestroyed(false)
                .build());
        response.onCompleted();
    }
}
