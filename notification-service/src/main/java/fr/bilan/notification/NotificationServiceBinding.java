package fr.bilan.notification;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.notification.preference.PreferenceGrpcService;
import fr.bilan.notification.preview.PreviewGrpcService;
import fr.bilan.notification.record.RecordGrpcService;
import fr.bilan.proto.notification.v1.GetNotificationPreferencesRequest;
import fr.bilan.proto.notification.v1.GetNotificationPreferencesResponse;
import fr.bilan.proto.notification.v1.ListNotificationsRequest;
import fr.bilan.proto.notification.v1.ListNotificationsResponse;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.PreviewNotificationRequest;
import fr.bilan.proto.notification.v1.PreviewNotificationResponse;
import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesRequest;
import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesResponse;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationService} is one service of the contract whose RPCs belong to several concepts
 * (the record of messages, the beneficiaries' choices, the previews): gRPC binds a service once, so this
 * wiring routes each RPC to its package's edge, and holds nothing else.
 */
@GrpcService
class NotificationServiceBinding implements BindableService {

    private final RecordGrpcService records;
    private final PreferenceGrpcService preferences;
    private final PreviewGrpcService previews;

    NotificationServiceBinding(RecordGrpcService records, PreferenceGrpcService preferences, PreviewGrpcService previews) {
        this.records = records;
        this.preferences = preferences;
        this.previews = previews;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return NotificationServiceGrpc.bindService(new NotificationServiceGrpc.AsyncService() {

            @Override
            public void listNotifications(ListNotificationsRequest request,
                    StreamObserver<ListNotificationsResponse> response) {
                records.listNotifications(request, response);
            }

            @Override
            public void getNotificationPreferences(GetNotificationPreferencesRequest request,
                    StreamObserver<GetNotificationPreferencesResponse> response) {
                preferences.getNotificationPreferences(request, response);
            }

            @Override
            public void updateNotificationPreferences(UpdateNotificationPreferencesRequest request,
                    StreamObserver<UpdateNotificationPreferencesResponse> response) {
                preferences.updateNotificationPreferences(request, response);
            }

            @Override
            public void previewNotification(PreviewNotificationRequest request,
                    StreamObserver<PreviewNotificationResponse> response) {
                previews.previewNotification(request, response);
            }
        });
    }
}
