package fr.bilan.notification.preference;

import org.springframework.stereotype.Component;

import fr.bilan.proto.notification.v1.GetNotificationPreferencesRequest;
import fr.bilan.proto.notification.v1.GetNotificationPreferencesResponse;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesRequest;
import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesResponse;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationService.Get/UpdateNotificationPreferences}: a beneficiary's choices about reminders.
 * Two RPCs of the service, bound with the others by {@code NotificationServiceBinding}.
 */
@Component
public class PreferenceGrpcService implements NotificationServiceGrpc.AsyncService {

    private final PreferenceChanges changes;

    PreferenceGrpcService(PreferenceChanges changes) {
        this.changes = changes;
    }

    @Override
    public void getNotificationPreferences(GetNotificationPreferencesRequest request,
            StreamObserver<GetNotificationPreferencesResponse> response) {
        NotificationPreferences preferences = changes.read(Caller.current(),
                PreferenceMessages.beneficiaryId(request.getBeneficiaryId()));
        response.onNext(GetNotificationPreferencesResponse.newBuilder()
                .setPreferences(PreferenceMessages.toProto(preferences)).build());
        response.onCompleted();
    }

    @Override
    public void updateNotificationPreferences(UpdateNotificationPreferencesRequest request,
            StreamObserver<UpdateNotificationPreferencesResponse> response) {
        boolean enabled = PreferenceMessages.remindersEnabled(request);
        NotificationPreferences preferences = changes.change(Caller.current(), request.getBeneficiaryId(), enabled);
        response.onNext(UpdateNotificationPreferencesResponse.newBuilder()
                .setPreferences(PreferenceMessages.toProto(preferences)).build());
        response.onCompleted();
    }
}
