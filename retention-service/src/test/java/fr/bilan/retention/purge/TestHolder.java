package fr.bilan.retention.purge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAssessmentResponse;
import fr.bilan.support.storage.KeyErasure;
import fr.bilan.support.storage.ObjectEraser;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * A holder as the purge sees one, over real gRPC, deleting in the real embedded store with the
 * platform's {@link ObjectEraser} (synthesis-service's own implementation is tested there), with
 * failures to inject; and session-service's answer to "may the caller read this bilan".
 */
final class TestHolder extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    volatile ObjectEraser eraser;
    /** Keys the "store" refuses to delete. */
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** When set, every call fails UNAVAILABLE, as a holder down. */
    volatile boolean down;
    /** The bilans whose content the purge had erased, in order. */
    final List<String> erasedContent = new CopyOnWriteArrayList<>();
    /** Keys asked for deletion, every call. */
    final List<String> deleteRequests = new CopyOnWriteArrayList<>();
    /** How long each deletion call takes before deleting anything, as a slow store's would. */
    volatile long delayMillis;

    @Override
    public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("holder down").asRuntimeException());
            return;
        }
        deleteRequests.addAll(request.getObjectKeysList());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.onError(Status.CANCELLED.withDescription("interrupted").asRuntimeException());
                return;
            }
        }
        List<String> erasable = request.getObjectKeysList().stream().filter(key -> !failing.contains(key)).toList();
        Map<String, KeyErasure> erased = new ConcurrentHashMap<>();
        eraser.erase(request.getBucket(), erasable).forEach(erasure -> erased.put(erasure.key(), erasure));
        DeleteDocumentsResponse.Builder answer = DeleteDocumentsResponse.newBuilder();
        for (String key : request.getObjectKeysList()) {
            KeyErasure erasure = erased.get(key);
            answer.addDeletions(erasure == null
                    ? DocumentDeletion.newBuilder().setObjectKey(key).setFailure("InjectedFailure").build()
                    : DocumentDeletion.newBuilder().setObjectKey(key).setDeleted(erasure.deleted())
                            .setFailure(erasure.deleted() ? "" : String.valueOf(erasure.errorCode())).build());
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        if (down) {
            response.onError(Status.UNAVAILABLE.withDescription("holder down").asRuntimeException());
            return;
        }
        erasedContent.add(request.getAssessmentId());
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(1).setKeyDestroyed(true).build());
        response.onCompleted();
    }

    void reset() {
        failing.clear();
        down = false;
        erasedContent.clear();
        deleteRequests.clear();
        delayMillis = 0;
    }

    /** session-service: answers the bilans listed (with their centre), refuses the others. */
    static final class Sessions extends AssessmentServiceGrpc.AssessmentServiceImplBase {

        final Map<String, String> readable = new ConcurrentHashMap<>();

        @Override
        public void getAssessment(GetAssessmentRequest request, StreamObserver<GetAssessmentResponse> response) {
            String centre = readable.get(request.getId());
            if (centre == null) {
                response.onError(Status.PERMISSION_DENIED.withDescription("Ce bilan n'est pas l'un des vôtres.")
                        .asRuntimeException());
                return;
            }
            response.onNext(GetAssessmentResponse.newBuilder().setAssessment(Assessment.newBuilder()
                    .setId(request.getId()).setCentreId(centre)).build());
            response.onCompleted();
        }
    }
}
