package fr.bilan.retention.holder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The purge's way to the services that hold the documents, over gRPC: each erases in its own bucket
 * and database, called as the platform service ({@code DocumentHolderService}); a failed call is a
 * {@link Holders.HolderFailure} named by its status code.
 */
public class DocumentHolders implements Holders {

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

    @Override
    public List<ObjectDeletion> delete(String holder, String bucket, List<String> keys) {
        List<DocumentDeletion> deletions = call(() -> stub(holder).deleteDocuments(DeleteDocumentsRequest.newBuilder()
                .setBucket(bucket).addAllObjectKeys(keys).build()).getDeletionsList());
        return deletions.stream().map(deletion -> new ObjectDeletion(deletion.getObjectKey(), deletion.getDeleted(),
                deletion.getFailure())).toList();
    }

    @Override
    public boolean eraseContent(String holder, String assessmentId, String fundingId) {
        return call(() -> stub(holder).eraseAssessmentContent(EraseAssessmentContentRequest.newBuilder()
                .setAssessmentId(assessmentId).setFundingId(fundingId).build()).getKeyDestroyed());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new HolderFailure(e.getStatus().getCode().name(), e.getStatus().toString(), e);
        }
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
