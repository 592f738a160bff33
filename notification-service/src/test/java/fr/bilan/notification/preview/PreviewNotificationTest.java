package fr.bilan.notification.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.proto.notification.v1.NotificationKind;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.proto.notification.v1.PreviewNotificationRequest;
import fr.bilan.proto.notification.v1.PreviewNotificationResponse;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/**
 * PreviewNotification through the real gRPC server: every kind of the contract, written from sample
 * data with its current template and linking to the configured application; for a centre manager or a
 * network administrator only; an unset kind refused naming the field.
 */
@SpringBootTest(classes = NotificationApplication.class,
        properties = "bilan.notification.application-url=https://bilan.exemple.fr")
class PreviewNotificationTest extends GrpcServiceTestSupport {

    private static NotificationServiceGrpc.NotificationServiceBlockingStub as(String role) {
        return NotificationServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("someone", List.of("centre-lyon"), role)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static PreviewNotificationRequest of(NotificationKind kind) {
        return PreviewNotificationRequest.newBuilder().setKind(kind).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NotificationKind.class, names = {"NOTIFICATION_KIND_UNSPECIFIED", "UNRECOGNIZED"},
            mode = EnumSource.Mode.EXCLUDE)
    void aCentreManagerPreviewsEveryKindAsItsReaderWouldGetIt(NotificationKind kind) {
        PreviewNotificationResponse preview = as("centre-manager").previewNotification(of(kind));

        // the digest's v2 added its CPF dossiers
        assertThat(preview.getTemplateVersion()).isEqualTo(kind.name().toLowerCase().replace('_', '-')
                + (kind == NotificationKind.STAFF_DIGEST ? "/v2" : "/v1"));
        assertThat(preview.getSubject()).isNotBlank().doesNotContain("\n");
        assertThat(preview.getHtmlBody()).contains("<html lang=\"fr\">", "<h1>", "href=\"https://bilan.exemple.fr\"");
        assertThat(preview.getTextBody()).contains("https://bilan.exemple.fr");
        boolean session = switch (kind) {
            case CONVOCATION, SESSION_CHANGED, SESSION_CANCELLED -> true;
            default -> false;
        };
        assertThat(preview.getAttachmentNamesList()).isEqualTo(session ? List.of("seance.ics") : List.of());
    }

    @Test
    void aNetworkAdministratorPreviewsToo() {
        assertThat(as("network-admin").previewNotification(of(NotificationKind.STAFF_DIGEST)).getSubject())
                .startsWith("Récapitulatif du ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"beneficiary", "consultant", "auditor", TestIdentityProvider.SERVICE_ROLE})
    void noOtherRoleMayPreview(String role) {
        assertThat(codeOf(() -> as(role).previewNotification(of(NotificationKind.CONVOCATION))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void noOneMayPreviewWithoutAToken() {
        assertThat(codeOf(() -> NotificationServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .previewNotification(of(NotificationKind.CONVOCATION)))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aPreviewWithoutAKindIsRefusedNamingTheField() {
        assertThat(FieldErrors.of(() -> as("centre-manager").previewNotification(PreviewNotificationRequest.getDefaultInstance())))
                .containsExactly("kind: Indiquez le type de message à prévisualiser (par exemple CONVOCATION).");
        assertThat(FieldErrors.of(() -> as("centre-manager").previewNotification(
                PreviewNotificationRequest.newBuilder().setKindValue(99).build())))
                .containsExactly("kind: Indiquez le type de message à prévisualiser (par exemple CONVOCATION).");
    }
}
