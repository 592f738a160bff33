package fr.bilan.retention.document;

import org.springframework.stereotype.Component;

import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * {@code RetentionService.RegisterDocument}, a holder's report of an object it stored (through its
 * outbox; role {@code platform-service}, checked from the contract). One RPC of the service, bound
 * with the others by {@code RetentionServiceBinding}.
 */
@Component
public class DocumentRegistrationGrpcService implements RetentionServiceGrpc.AsyncService {

    private final DocumentRegistration registration;

    DocumentRegistrationGrpcService(DocumentRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void registerDocument(RegisterDocumentRequest request, StreamObserver<RegisterDocumentResponse> response) {
        boolean first = registration.register(StoredDocumentMessages.fromProto(request.getDocument()));
        response.onNext(RegisterDocumentResponse.newBuilder().setFirstDelivery(first).build());
        response.onCompleted();
    }
}
