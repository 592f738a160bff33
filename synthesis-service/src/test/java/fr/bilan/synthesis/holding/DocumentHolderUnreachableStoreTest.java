package fr.bilan.synthesis.holding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.support.storage.ObjectEraser;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.synthesis.storage.ObjectKeys;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.MinioClient;

/** A store that cannot be reached fails every key, as an answer: the purge keeps them due and retries. */
class DocumentHolderUnreachableStoreTest {

    @Test
    void everyKeyFailsAndTheCallStillAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MinioClient unreachable = MinioClient.builder().endpoint("http://127.0.0.1:" + closedPort)
                .region("us-east-1").credentials("access", "secret").build();
        var holder = new DocumentHolderGrpcService(new ObjectStorage(unreachable, "bilan-synthesis"),
                new ObjectEraser(unreachable, 0, new SimpleMeterRegistry()), null, null, null);
        List<String> keys = List.of(ObjectKeys.synthesis(id(), id()), ObjectKeys.synthesis(id(), id()));
        Answer answer = new Answer();

        holder.deleteDocuments(DeleteDocumentsRequest.newBuilder().setBucket("bilan-synthesis").addAllObjectKeys(keys)
                .build(), answer);

        assertThat(answer.error).isNull();
        assertThat(answer.completed).isTrue();
        assertThat(answer.responses).singleElement().satisfies(response -> {
            assertThat(response.getDeletionsList()).extracting(DocumentDeletion::getObjectKey)
                    .containsExactlyElementsOf(keys);
            assertThat(response.getDeletionsList()).allSatisfy(deletion -> {
                assertThat(deletion.getDeleted()).isFalse();
                assertThat(deletion.getFailure()).startsWith(ObjectEraser.UNREACHABLE);
            });
        });
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static final class Answer implements StreamObserver<DeleteDocumentsResponse> {
        private final List<DeleteDocumentsResponse> responses = new ArrayList<>();
        private Throwable error;
        private boolean completed;

        @Override
        public void onNext(DeleteDocumentsResponse value) {
            responses.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
