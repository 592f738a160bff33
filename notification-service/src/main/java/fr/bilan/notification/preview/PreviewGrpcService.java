package fr.bilan.notification.preview;

import org.springframework.stereotype.Component;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.template.RenderedMessage;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.PreviewNotificationRequest;
import fr.bilan.proto.notification.v1.PreviewNotificationResponse;
import fr.bilan.support.refusal.InvalidFields;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationService.PreviewNotification}: a centre manager or a network administrator
 * (checked from the contract) reads a kind of message as its template writes it, from sample data: no
 * person's data, so no finer rule. One RPC of the service, bound with the others by
 * {@code NotificationServiceBinding}.
 */
@Component
public class PreviewGrpcService implements NotificationServiceGrpc.AsyncService {

    private final NotificationPreviews previews;

    PreviewGrpcService(NotificationPreviews previews) {
        this.previews = previews;
    }

    @Override
    public void previewNotification(PreviewNotificationRequest request,
            StreamObserver<PreviewNotificationResponse> response) {
        RenderedMessage message = previews.preview(kindOf(request.getKind()));
        response.onNext(PreviewNotificationResponse.newBuilder()
                .setTemplateVersion(message.templateVersion())
                .setSubject(message.subject())
                .setHtmlBody(message.html())
                .setTextBody(message.text())
                .addAllAttachmentNames(message.attachments().stream().map(RenderedMessage.Attachment::fileName).toList())
                .build());
        response.onCompleted();
    }

    /** The contract's kind as the domain's, name for name; unset or unknown is the caller's mistake. */
    private static NotificationKind kindOf(fr.bilan.proto.notification.v1.NotificationKind kind) {
        return switch (kind) {
            case NOTIFICATION_KIND_UNSPECIFIED, UNRECOGNIZED -> throw InvalidFields.of("kind",
                    "Indiquez le type de message à prévisualiser (par exemple CONVOCATION).");
            default -> NotificationKind.valueOf(kind.name());
        };
    }
}
