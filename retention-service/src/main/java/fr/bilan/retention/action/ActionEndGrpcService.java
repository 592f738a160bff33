package fr.bilan.retention.action;

import org.springframework.stereotype.Component;

import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordActionEndResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * {@code RetentionService.RecordActionEnd}, session-service's report of a bilan's end (through its
 * outbox; role {@code platform-service}, checked from the contract). One RPC of the service, bound
 * with the others by {@code RetentionServiceBinding}.
 */
@Component
public class ActionEndGrpcService implements RetentionServiceGrpc.AsyncService {

    private final ActionEndIntake intake;

    ActionEndGrpcService(ActionEndIntake intake) {
        this.intake = intake;
    }

    @Override
    public void recordActionEnd(RecordActionEndRequest request, StreamObserver<RecordActionEndResponse> response) {
        boolean first = intake.takeIn(ActionEndMessages.fromProto(request.getActionEnd()));
        response.onNext(RecordActionEndResponse.newBuilder().setFirstDelivery(first).build());
        response.onCompleted();
    }
}
