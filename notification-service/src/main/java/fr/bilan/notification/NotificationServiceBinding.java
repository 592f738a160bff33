package fr.bilan.notification;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.notification.preview.PreviewGrpcService;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.PreviewNotificationRequest;
import fr.bilan.proto.notification.v1.PreviewNotificationResponse;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationService} is one service of the contract whose RPCs belong to several concepts
 * (records, preferences, previews): each is served by its package's edge; gRPC binds a service once,
 * so this wiring routes each RPC to its edge, and holds nothing else.
 */
@GrpcService
class NotificationServiceBinding implements BindableService {

    private final PreviewGrpcService previews;

    NotificationServiceBinding(PreviewGrpcService previews) {
        this.previews = previews;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return NotificationServiceGrpc.bindService(new NotificationServiceGrpc.AsyncService() {

            @Override
            public void previewNotification(PreviewNotificationRequest request,
                    StreamObserver<PreviewNotificationResponse> response) {
                previews.previewNotification(request, response);
            }
        });
    }
}
