package fr.bilan.notification.event;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.RecordEventsResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationIntakeService.RecordEvents}: the producers' facts, through their outboxes (role
 * {@code platform-service}, checked from the contract). A batch is checked whole, then taken in order,
 * each fact once by its event id.
 */
@GrpcService
class NotificationIntakeGrpcService extends NotificationIntakeServiceGrpc.NotificationIntakeServiceImplBase {

    private final EventIntake intake;

    NotificationIntakeGrpcService(EventIntake intake) {
        this.intake = intake;
    }

    @Override
    public void recordEvents(RecordEventsRequest request, StreamObserver<RecordEventsResponse> response) {
        int recorded = intake.takeIn(IntakeMessages.fromProto(request));
        response.onNext(RecordEventsResponse.newBuilder().setRecordedCount(recorded).build());
        response.onCompleted();
    }
}
