package fr.bilan.quality.holding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.quality.v1.ComplainantKind;
import fr.bilan.proto.quality.v1.Complaint;
import fr.bilan.proto.quality.v1.ComplaintChannel;
import fr.bilan.proto.quality.v1.ComplaintTopic;
import fr.bilan.proto.quality.v1.QualityRegisterServiceGrpc;
import fr.bilan.proto.quality.v1.RecordComplaintRequest;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.quality.QualityServiceContext;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.register.complaint.ComplaintRepository;
import fr.bilan.support.testing.ContentHolderContract;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Status;

/**
 * quality-service keeps the contract of a holder of content, as session- and notification-service do:
 * the purge destroys a bilan's facts, surveys and follow-up here, and unlinks its complaints, which stay
 * in the centre's register. The surveys and the follow-up are written in COMMON-23's shapes, as their
 * packages write them.
 */
@QualityServiceContext
class ProcessEvidenceHolderContractTest extends ContentHolderContract {

    private static final String CENTRE = "centre-lyon";

    @Autowired
    private MongoDatabase database;
    @Autowired
    private BilanRecords bilans;
    /** The complaint {@link #contentHeld()} recorded last. */
    private String complaintId;

    private static String platform() {
        return TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE);
    }

    @Override
    protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(platform()))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Date day(LocalDate day) {
        return BilanRecordRepository.day(day);
    }

    /**
     * An ended bilan with its facts, its two surveys, its follow-up and a complaint about it, recorded by
     * its centre's manager.
     */
    @Override
    protected EraseAssessmentContentRequest contentHeld() {
        String bilan = "bilan-" + UUID.randomUUID();
        LocalDate end = LocalDate.now().minusMonths(7);
        bilans.record(new BilanRecord(bilan, "beneficiary-" + bilan, CENTRE, "consultant-1", Outcome.COMPLETED,
                end.minusMonths(2), end, end.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                List.of(new PhaseHours(Phase.CONCLUSION, 120, 120, 1, 1, 0)), end.plusMonths(6), "CPF", end.minusMonths(3), null, null, 4));
        for (String kind : List.of("END_OF_BILAN", "FOLLOW_UP")) {
            database.getCollection("surveys").insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append("assessmentId", bilan).append("centreId", CENTRE).append("kind", kind).append("state", "ANSWERED")
                    .append("questionnaireVersion", "2026-1").append("sentTime", Date.from(Instant.now()))
                    .append("satisfied", true).append("endDate", day(end)));
        }
        database.getCollection("followUps").insertOne(new Document("_id", bilan).append("centreId", CENTRE)
                .append("state", "HELD").append("dueDate", day(end.plusMonths(6))).append("situation", "NEW_JOB")
                .append("endDate", day(end)));
        complaintId = QualityRegisterServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("manager-1", List.of(CENTRE), "centre-manager")))
                .withDeadlineAfter(10, TimeUnit.SECONDS).recordComplaint(RecordComplaintRequest.newBuilder().setCentreId(CENTRE)
                        .setRequestId(UUID.randomUUID().toString()).setComplaint(Complaint.newBuilder()
                                .setComplainant(ComplainantKind.BENEFICIARY).setChannel(ComplaintChannel.EMAIL)
                                .setTopic(ComplaintTopic.ACCOMPANIMENT).setSummary("Entretien de suivi non proposé.")
                                .setAssessmentId(bilan).setReceivedDate(ProtoDates.of(LocalDate.now().minusDays(1))))
                        .build()).getComplaint().getId();
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId(bilan).build();
    }

    @Override
    protected boolean stillHeld(EraseAssessmentContentRequest content) {
        return held(content.getAssessmentId()) > 0;
    }

    /** The records of the bilan here: its facts, surveys, follow-up and the complaints naming it. */
    private long held(String assessmentId) {
        return database.getCollection(BilanRecordRepository.COLLECTION).countDocuments(new Document("_id", assessmentId))
                + database.getCollection("surveys").countDocuments(new Document("assessmentId", assessmentId))
                + database.getCollection("followUps").countDocuments(new Document("_id", assessmentId))
                + database.getCollection(ComplaintRepository.COLLECTION).countDocuments(
                        new Document("assessmentId", assessmentId));
    }

    @Test
    void destroysTheFactsSurveysAndFollowUpAndKeepsTheComplaintUnlinkedInTheRegister() {
        EraseAssessmentContentRequest content = contentHeld();
        String bilan = content.getAssessmentId();
        // the facts, two surveys, the follow-up, one complaint
        assertThat(held(bilan)).isEqualTo(5);

        assertThat(holder().eraseAssessmentContent(content).getErasedRecords()).isEqualTo(5);

        assertThat(held(bilan)).isZero();
        assertThat(bilans.byId(bilan)).isEmpty();
        Document complaint = database.getCollection(ComplaintRepository.COLLECTION)
                .find(new Document("_id", complaintId)).first();
        assertThat(complaint).isNotNull().containsEntry("centreId", CENTRE).containsEntry("channel", "EMAIL")
                .containsEntry("assessmentId", null).containsEntry("version", 2L);
    }

    @Test
    void onlyThePlatformsOwnServicesMayAskForAnErasure() {
        String manager = TestIdentityProvider.token("manager-1", List.of(CENTRE), "centre-manager");
        var asAPerson = DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(codeOf(() -> asAPerson.eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("any").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
