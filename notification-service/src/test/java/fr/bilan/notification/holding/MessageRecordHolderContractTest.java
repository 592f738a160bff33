package fr.bilan.notification.holding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.notification.event.FactRepository;
import fr.bilan.notification.message.NotificationRepository;
import fr.bilan.notification.tracking.TrackingRepository;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.support.testing.ContentHolderContract;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/** notification-service keeps the contract of a holder of content, as session- and beneficiary-service do. */
@NotificationServiceContext
class MessageRecordHolderContractTest extends ContentHolderContract {

    @Autowired
    private MongoDatabase database;

    private static String platform() {
        return TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE);
    }

    @Override
    protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(platform()))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A bilan with a session booked: its convocation and reminder recorded, the session tracked, the fact noted. */
    @Override
    protected EraseAssessmentContentRequest contentHeld() {
        String bilan = "bilan-" + UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(10 * 86_400);
        NotificationIntakeServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(platform()))
                .withDeadlineAfter(10, TimeUnit.SECONDS).recordEvents(RecordEventsRequest.newBuilder()
                        .addEvents(NotificationEvent.newBuilder().setEventId("e-" + bilan).setOccurTime(ProtoTime.of(Instant.now()))
                                .setSessionScheduled(SessionScheduled.newBuilder().setAssessmentId(bilan).setSessionId("s1")
                                        .setBeneficiaryId("b-" + bilan).setCentreId("centre-lyon")
                                        .setConsultantId("consultant-1").setPhase(SessionPhase.CONCLUSION)
                                        .setStartTime(ProtoTime.of(start)).setEndTime(ProtoTime.of(start.plusSeconds(3_600)))
                                        .setRoom("Salle 1").setCalendarUid(bilan + ".s1@bilan-competences")))
                        .build());
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId(bilan).build();
    }

    /** Whether anything of the bilan is left in any of the three collections. */
    @Override
    protected boolean stillHeld(EraseAssessmentContentRequest content) {
        return held(content.getAssessmentId()) > 0;
    }

    private long held(String assessmentId) {
        return List.of(NotificationRepository.COLLECTION, TrackingRepository.SESSIONS, FactRepository.COLLECTION).stream()
                .mapToLong(c -> database.getCollection(c).countDocuments(new Document("assessmentId", assessmentId)))
                .sum();
    }

    @Test
    void erasesEveryRecordOfTheBilanInEachCollection() {
        EraseAssessmentContentRequest content = contentHeld();
        // two messages, one tracked session, one fact
        assertThat(held(content.getAssessmentId())).isEqualTo(4);

        assertThat(holder().eraseAssessmentContent(content).getErasedRecords()).isEqualTo(4);
        assertThat(held(content.getAssessmentId())).isZero();
    }

    @Test
    void onlyThePlatformsOwnServicesMayAskForAnErasure() {
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        var asAPerson = DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(codeOf(() -> asAPerson.eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("any").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
