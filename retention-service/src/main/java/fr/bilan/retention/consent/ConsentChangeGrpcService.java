package fr.bilan.retention.consent;

import org.springframework.stereotype.Component;

import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * {@code RetentionService.RecordConsentChange}, beneficiary-service's consent ledger in order (through
 * its outbox; role {@code platform-service}, checked from the contract). One RPC of the service,
 * bound with the others by {@code RetentionServiceBinding}.
 */
@Component
public class ConsentChangeGrpcService implements RetentionServiceGrpc.AsyncService {

    private final ConsentIntake intake;

    ConsentChangeGrpcService(ConsentIntake intake) {
        this.intake = intake;
    }

    @Override
    public void recordConsentChange(RecordConsentChangeRequest request,
            StreamObserver<RecordConsentChangeResponse> response) {
        boolean first = intake.takeIn(ConsentChangeMessages.fromProto(request.getChange()));
        response.onNext(RecordConsentChangeResponse.newBuilder().setFirstDelivery(first).build());
        response.onCompleted();
    }
}
