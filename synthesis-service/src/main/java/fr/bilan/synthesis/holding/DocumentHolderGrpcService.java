package fr.bilan.synthesis.holding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.storage.KeyErasure;
import fr.bilan.support.storage.ObjectEraser;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.synthesis.share.ShareRepository;
import fr.bilan.synthesis.storage.ObjectKeys;
import fr.bilan.synthesis.content.SynthesisRepository;
import fr.bilan.synthesis.vault.DataKeys;
import io.grpc.stub.StreamObserver;

/**
 * What retention-service's purge asks of the synthèse's holder: delete stored PDFs from the
 * service's own bucket, then erase what the service keeps of a bilan in MongoDB and destroy its key.
 * Only platform services call here (the contract). Failures of the store are answers, never errors:
 * a key not deleted is reported failed, and the purge keeps it due.
 */
@GrpcService
class DocumentHolderGrpcService extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(DocumentHolderGrpcService.class);

    private final ObjectStorage storage;
    private final ObjectEraser eraser;
    private final DataKeys keys;
    private final SynthesisRepository syntheses;
    private final ShareRepository shares;

    DocumentHolderGrpcService(ObjectStorage storage, ObjectEraser eraser, DataKeys keys, SynthesisRepository syntheses,
            ShareRepository shares) {
        this.storage = storage;
        this.eraser = eraser;
        this.keys = keys;
        this.syntheses = syntheses;
        this.shares = shares;
    }

    @Override
    public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
        DeletionRequests.check(request.getBucket(), request.getObjectKeysList(), storage.bucket());
        List<String> asked = request.getObjectKeysList();
        Map<String, KeyErasure> outcomes = new HashMap<>();
        eraser.erase(storage.bucket(), asked).forEach(outcome -> outcomes.put(outcome.key(), outcome));
        DeleteDocumentsResponse.Builder answer = DeleteDocumentsResponse.newBuilder();
        // one per key asked, in the order asked: a key asked twice gets its one outcome twice
        asked.forEach(key -> answer.addDeletions(deletion(outcomes.get(key))));
        logSummary(answer.getDeletionsList());
        response.onNext(answer.build());
        response.onCompleted();
    }

    /**
     * The key first: once it is gone the sealed text is noise wherever it lies (a backup, a document
     * this call then fails to delete), and no save can seal anything new for the bilan meanwhile
     * ({@link DataKeys#keyOf} refuses). The deletes after it only tidy up, and a retry finishes them.
     * The key's tombstone stays (it keeps a new key from being made, and proves the destruction), and
     * so do the access records, which expire on their own. A synthèse erased while its PDF's
     * registration with retention-service was still pending leaves an object no synthèse records:
     * the orphan sweep ({@code storage/OrphanObjects}) removes it after its grace.
     */
    @Override
    public void eraseAssessmentContent(EraseAssessmentContentRequest request,
            StreamObserver<EraseAssessmentContentResponse> response) {
        String assessmentId = request.getAssessmentId();
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH).throwIfAny();
        boolean destroyedNow = keys.destroy(assessmentId);
        long erased = syntheses.erase(assessmentId) + shares.erase(assessmentId);
        boolean keyDestroyed = keys.destroyTime(assessmentId).isPresent();
        log.info("Content of bilan {} erased for the purge: {} record(s), key {}", assessmentId, erased,
                destroyedNow ? "destroyed now" : keyDestroyed ? "destroyed earlier" : "NOT destroyed");
        response.onNext(EraseAssessmentContentResponse.newBuilder().setErasedRecords(erased)
                .setKeyDestroyed(keyDestroyed).build());
        response.onCompleted();
    }

    private static DocumentDeletion deletion(KeyErasure outcome) {
        DocumentDeletion.Builder deletion = DocumentDeletion.newBuilder().setObjectKey(outcome.key())
                .setDeleted(outcome.deleted());
        if (!outcome.deleted()) {
            // the store's code and message: they name the failure, never a document's content
            String message = outcome.errorMessage();
            deletion.setFailure(message == null || message.isBlank() ? outcome.errorCode()
                    : outcome.errorCode() + ": " + message);
        }
        return deletion.build();
    }

    private void logSummary(List<DocumentDeletion> deletions) {
        List<DocumentDeletion> failed = deletions.stream().filter(deletion -> !deletion.getDeleted()).toList();
        if (failed.isEmpty()) {
            log.info("Deleted {} object(s) from bucket {} for the purge", deletions.size(), storage.bucket());
        } else {
            log.info("Deleted {} of {} object(s) from bucket {} for the purge; {} failed and stay due, e.g. {} ({})",
                    deletions.size() - failed.size(), deletions.size(), storage.bucket(), failed.size(),
                    ObjectKeys.loggable(failed.get(0).getObjectKey()), failed.get(0).getFailure());
        }
    }
}
