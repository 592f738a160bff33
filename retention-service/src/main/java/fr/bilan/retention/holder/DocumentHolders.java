package fr.bilan.retention.holder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * The purge's way to the services that hold the documents: each erases in its own bucket and
 * database, called as the platform service ({@code DocumentHolderService}).
 */
public class DocumentHolders {

    private final Map<String, DocumentHolderServiceBlockingStub> stubs;
    private final Duration callTimeout;

    /** @param stubs by holder name, already carrying the service's credentials */
    public DocumentHolders(Map<String, DocumentHolderServiceBlockingStub> stubs, Duration callTimeout) {
        this.stubs = Map.copyOf(stubs);
        this.callTimeout = callTimeout;
    }

    /** One per holder, from a channel factory (channel name → channel). */
    public static DocumentHolders of(HolderProperties properties, Function<String, Channel> channels,
            Function<DocumentHolderServiceBlockingStub, DocumentHolderServiceBlockingStub> credentials,
            Duration callTimeout) {
        Map<String, DocumentHolderServiceBlockingStub> stubs = new HashMap<>();
        properties.holders().forEach((name, holder) -> stubs.put(name,
                credentials.apply(DocumentHolderServiceGrpc.newBlockingStub(channels.apply(holder.channel())))));
        return new DocumentHolders(stubs, callTimeout);
    }

    /** Deletes up to 1,000 objects of {@code holder}'s bucket; one outcome per key, in order. */
    public List<DocumentDeletion> delete(String holder, String bucket, List<String> keys) {
        return stub(holder).deleteDocuments(DeleteDocumentsRequest.newBuilder().setBucket(bucket).addAllObjectKeys(keys)
                .build()).getDeletionsList();
    }

    /**
     * Has {@code holder} erase what it keeps of the bilan (and destroy its key, if it has one);
     * returns whether a key is gone.
     *
     * @param fundingId the action's funding, for the holder of its agreement; empty when none
     */
    public boolean eraseContent(String holder, String assessmentId, String fundingId) {
        return stub(holder).eraseAssessmentContent(EraseAssessmentContentRequest.newBuilder()
                .setAssessmentId(assessmentId).setFundingId(fundingId).build()).getKeyDestroyed();
    }

    private DocumentHolderServiceBlockingStub stub(String holder) {
        DocumentHolderServiceBlockingStub stub = stubs.get(holder);
        if (stub == null) {
            // a document registered by a holder this service does not know: configuration, not data
            throw Status.FAILED_PRECONDITION.withDescription("no channel to holder " + holder
                    + " (bilan.retention.holders." + holder + ".channel)").asRuntimeException();
        }
        return stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS).withWaitForReady();
    }
}
