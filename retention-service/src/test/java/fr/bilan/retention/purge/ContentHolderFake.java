package fr.bilan.retention.purge;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.support.errors.FieldViolations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * A holder of content only, as the purge sees one over real gRPC: session-service's process
 * evidence, held by bilan, or beneficiary-service's agreements, held by the funding the erasure
 * names. It keeps the contract of the real ones ({@code ContentHolderContract}, checked on it by
 * {@link ContentHolderFakeContractTest}), records every erasure asked, and fails on demand.
 */
final class ContentHolderFake extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    /** What the holder keeps its content by. */
    enum HeldBy {
        /** The bilan, as session-service does. */
        ASSESSMENT,
        /** The funding of the action, as beneficiary-service does (without one it erases nothing). */
        FUNDING
    }

    private final HeldBy heldBy;
    /** The bilans or fundings whose content it holds now. */
    final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Every erasure asked, in order. */
    final List<EraseAssessmentContentRequest> erasures = new CopyOnWriteArrayList<>();
    /** When set, every call fails UNAVAILABLE, as a holder down. */
    volatile boolean down;

    ContentHolderFake(HeldBy heldBy) {
        this.heldBy = heldBy;
    }

    @Override
    public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        response.onError(Status.FAILED_PRECONDITION.withDescription("Ce service ne conserve aucun objet stocké.")
                .asRuntimeException());
    }

    @Override
    public void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("holder down").asRuntimeException());
            return;
        }
        try {
            new FieldViolations().requireText("assessment_id", request.getAssessmentId(), 64).throwIfAny();
        } catch (StatusRuntimeException refused) {
            response.onError(refused);
            return;
        }
        erasures.add(request);
        String key = heldBy == HeldBy.ASSESSMENT ? request.getAssessmentId() : request.getFundingId();
        long erased = !key.isEmpty() && held.remove(key) ? 1 : 0;
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(erased).setKeyDestroyed(false)
                .build());
        response.onCompleted();
    }

    /** The erasures asked for {@code assessmentId}. */
    List<EraseAssessmentContentRequest> erasuresOf(String assessmentId) {
        return erasures.stream().filter(erasure -> erasure.getAssessmentId().equals(assessmentId)).toList();
    }

    void reset() {
        held.clear();
        erasures.clear();
        down = false;
    }
}
