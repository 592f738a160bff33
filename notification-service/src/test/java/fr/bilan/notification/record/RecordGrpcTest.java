package fr.bilan.notification.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.proto.notification.v1.DeliveryOutcome;
import fr.bilan.proto.notification.v1.ListNotificationsRequest;
import fr.bilan.proto.notification.v1.ListNotificationsResponse;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A centre's record of messages: newest first, a page at a time, filtered, for its managers and auditors only. */
@NotificationServiceContext
class RecordGrpcTest extends GrpcServiceTestSupport {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @Autowired
    private Notifications notifications;
    @Autowired
    private MongoDatabase database;

    private String centre;

    @BeforeEach
    void aCentreWithMessages() {
        centre = "centre-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            String beneficiary = i % 2 == 0 ? "b-even-" + centre : "b-odd-" + centre;
            Notification planned = Notification.planned("n" + i + "-" + centre, "e" + i + "-" + centre + "/SYNTHESIS_AVAILABLE",
                    NotificationKind.SYNTHESIS_AVAILABLE, centre, new Recipient.Beneficiary(beneficiary), "a" + i,
                    new Subject.Synthesis("a" + i), T0.plusSeconds(60L * i));
            notifications.plan(planned);
            if (i == 3) {
                notifications.replace(planned.undeliverable("Aucune adresse électronique connue.", T0.plusSeconds(200)));
            }
        }
    }

    NotificationServiceGrpc.NotificationServiceBlockingStub as(String subject, String centreOf, String role) {
        return NotificationServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(subject, List.of(centreOf), role)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static List<String> ids(ListNotificationsResponse page) {
        return page.getNotificationsList().stream().map(n -> n.getId().substring(0, 2)).toList();
    }

    @Test
    void newestFirstAPageAtATime() {
        var manager = as("manager-" + centre, centre, "centre-manager");
        ListNotificationsRequest first = ListNotificationsRequest.newBuilder().setCentreId(centre).setPageSize(2).build();

        ListNotificationsResponse one = manager.listNotifications(first);
        ListNotificationsResponse two = manager.listNotifications(first.toBuilder().setPageToken(one.getNextPageToken()).build());
        ListNotificationsResponse three = manager.listNotifications(first.toBuilder().setPageToken(two.getNextPageToken()).build());

        assertThat(ids(one)).containsExactly("n5", "n4");
        assertThat(ids(two)).containsExactly("n3", "n2");
        assertThat(ids(three)).containsExactly("n1");
        assertThat(three.getNextPageToken()).isEmpty();
        var undeliverable = two.getNotifications(0);
        assertThat(undeliverable.getOutcome()).isEqualTo(DeliveryOutcome.UNDELIVERABLE);
        assertThat(undeliverable.getOutcomeReason()).isEqualTo("Aucune adresse électronique connue.");
        assertThat(undeliverable.getOutcomeTime()).isEqualTo(ProtoTime.of(T0.plusSeconds(200)));
        assertThat(undeliverable.getBeneficiaryId()).isEqualTo("b-odd-" + centre);
        assertThat(undeliverable.getAssessmentId()).isEqualTo("a3");
        assertThat(undeliverable.getKind()).isEqualTo(fr.bilan.proto.notification.v1.NotificationKind.SYNTHESIS_AVAILABLE);
    }

    @Test
    void filteredByOutcomeOrBeneficiaryAndATokenKeepsItsFilters() {
        var auditor = as("auditor-" + centre, centre, "auditor");
        ListNotificationsRequest all = ListNotificationsRequest.newBuilder().setCentreId(centre).setPageSize(1).build();

        assertThat(ids(auditor.listNotifications(all.toBuilder().setPageSize(0).setOutcome(DeliveryOutcome.UNDELIVERABLE)
                .build()))).containsExactly("n3");
        assertThat(ids(auditor.listNotifications(all.toBuilder().setPageSize(0).setBeneficiaryId("b-even-" + centre)
                .build()))).containsExactly("n4", "n2");
        String token = auditor.listNotifications(all).getNextPageToken();
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> auditor.listNotifications(
                all.toBuilder().setOutcome(DeliveryOutcome.PENDING).setPageToken(token).build()));
        assertThat(FieldErrors.of(refused)).singleElement().asString().startsWith("page_token: ");
    }

    @Test
    void onlyTheCentresManagersAndAuditorsReadItAndEachListedMessageIsARecordedAccess() {
        ListNotificationsRequest request = ListNotificationsRequest.newBuilder().setCentreId(centre).setPageSize(2).build();

        assertThat(codeOf(() -> as("manager-x", "centre-other", "centre-manager").listNotifications(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as("consultant-x", centre, "consultant").listNotifications(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        as("manager-" + centre, centre, "centre-manager").listNotifications(request);

        List<String> records = database.getCollection(AccessRecords.COLLECTION).find(new Document("centreId", centre))
                .map(d -> d.getString("resource") + " " + d.getString("beneficiaryId")).into(new ArrayList<>());
        assertThat(records).containsExactlyInAnyOrder("notifications/n5-" + centre + " b-odd-" + centre,
                "notifications/n4-" + centre + " b-even-" + centre);
    }

    @Test
    void aRequestWithoutItsCentreIsRefusedNamingTheField() {
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> as("m", "c", "centre-manager")
                .listNotifications(ListNotificationsRequest.newBuilder().setPageSize(-1).build()));

        assertThat(FieldErrors.of(refused)).extracting(String::valueOf).containsExactly(
                "centre_id: Ce champ est obligatoire.", "page_size: La taille de page ne peut pas être négative.");
    }
}
