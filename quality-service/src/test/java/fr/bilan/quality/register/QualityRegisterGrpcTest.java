package fr.bilan.quality.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.quality.v1.AcknowledgeComplaintRequest;
import fr.bilan.proto.quality.v1.AnswerComplaintRequest;
import fr.bilan.proto.quality.v1.ComplainantKind;
import fr.bilan.proto.quality.v1.Complaint;
import fr.bilan.proto.quality.v1.ComplaintChannel;
import fr.bilan.proto.quality.v1.ComplaintTopic;
import fr.bilan.proto.quality.v1.DropOutCount;
import fr.bilan.proto.quality.v1.DropOutReason;
import fr.bilan.proto.quality.v1.ImprovementAction;
import fr.bilan.proto.quality.v1.ImprovementOrigin;
import fr.bilan.proto.quality.v1.ImprovementStatus;
import fr.bilan.proto.quality.v1.ListComplaintsRequest;
import fr.bilan.proto.quality.v1.ListDropOutsRequest;
import fr.bilan.proto.quality.v1.ListDropOutsResponse;
import fr.bilan.proto.quality.v1.ListImprovementActionsRequest;
import fr.bilan.proto.quality.v1.QualityRegisterServiceGrpc;
import fr.bilan.proto.quality.v1.QualityRegisterServiceGrpc.QualityRegisterServiceBlockingStub;
import fr.bilan.proto.quality.v1.RecordComplaintRequest;
import fr.bilan.proto.quality.v1.RecordImprovementActionRequest;
import fr.bilan.proto.quality.v1.UpdateImprovementActionRequest;
import fr.bilan.quality.QualityServiceContext;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.bilan.Pseudonym;
import fr.bilan.quality.register.complaint.ComplaintRepository;
import fr.bilan.quality.register.improvement.ImprovementActionRepository;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * QualityRegisterService over real gRPC, with real tokens, on the embedded MongoDB: a manager keeps their
 * centre's register, an auditor reads it, nobody reaches another centre's; bad input is refused naming
 * its field, nothing half-written; a retried record records once.
 */
@QualityServiceContext
class QualityRegisterGrpcTest extends GrpcServiceTestSupport {

    /** Monday 16 March 2026, 10:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    @Autowired
    private TestClock clock;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private BilanRecords bilans;

    /** A centre of its own for each test, so that lists see only what the test wrote. */
    private final String centre = "centre-" + UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static QualityRegisterServiceBlockingStub as(String token) {
        return QualityRegisterServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private QualityRegisterServiceBlockingStub manager() {
        return as(TestIdentityProvider.token("manager-1", List.of(centre, "centre-reunion"), "centre-manager"));
    }

    private QualityRegisterServiceBlockingStub auditor() {
        return as(TestIdentityProvider.token("auditor-1", List.of(centre), "auditor"));
    }

    private static Complaint.Builder complaint(LocalDate received) {
        return Complaint.newBuilder().setComplainant(ComplainantKind.BENEFICIARY).setChannel(ComplaintChannel.PHONE)
                .setTopic(ComplaintTopic.ORGANISATION).setSummary("Séance annulée la veille, sans nouvelle date.")
                .setReceivedDate(ProtoDates.of(received));
    }

    private RecordComplaintRequest record(Complaint.Builder complaint) {
        return RecordComplaintRequest.newBuilder().setCentreId(centre).setComplaint(complaint)
                .setRequestId(UUID.randomUUID().toString()).build();
    }

    private long stored(String collection) {
        return database.getCollection(collection).countDocuments(new Document("centreId", centre));
    }

    private BilanRecord bilan(String centreId, Outcome outcome, LocalDate end, PhaseHours... phases) {
        BilanRecord bilan = new BilanRecord("bilan-" + UUID.randomUUID(), "beneficiary-1", centreId, "consultant-1",
                outcome, end == null ? TODAY.minusMonths(3) : end.minusMonths(2), end, null, List.of(phases), null, "CPF",
                null, null, null, 1);
        bilans.record(bilan);
        return bilan;
    }

    @Test
    void aComplaintIsReceivedAcknowledgedAndAnsweredWithItsDelays() {
        clock.set(NOW);
        BilanRecord concerned = bilan(centre, Outcome.IN_PROGRESS, null);
        Complaint recorded = manager().recordComplaint(record(complaint(TODAY.minusDays(10))
                .setAssessmentId(concerned.assessmentId()))).getComplaint();

        Complaint acknowledged = manager().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setCentreId(centre)
                .setComplaintId(recorded.getId()).setAcknowledgedDate(ProtoDates.of(TODAY.minusDays(8))).build())
                .getComplaint();
        Complaint answered = manager().answerComplaint(AnswerComplaintRequest.newBuilder().setCentreId(centre)
                .setComplaintId(recorded.getId()).setAnsweredDate(ProtoDates.of(TODAY))
                .setAnswerSummary("Nouvelle séance proposée et acceptée.").build()).getComplaint();

        assertThat(recorded.getCentreId()).isEqualTo(centre);
        assertThat(recorded.getAssessmentId()).isEqualTo(concerned.assessmentId());
        assertThat(recorded.hasAcknowledgedDate()).isFalse();
        assertThat(ProtoTime.toInstant(recorded.getCreateTime())).isEqualTo(NOW);
        assertThat(acknowledged.getDaysToAcknowledge()).isEqualTo(2);
        assertThat(acknowledged.getDaysToAnswer()).isZero();
        assertThat(answered.getDaysToAnswer()).isEqualTo(10);
        assertThat(answered.getAnswerSummary()).isEqualTo("Nouvelle séance proposée et acceptée.");
        // the shape the audit pack reads
        Document kept = database.getCollection(ComplaintRepository.COLLECTION).find(new Document("_id", recorded.getId()))
                .first();
        assertThat(kept).containsEntry("centreId", centre).containsEntry("assessmentId", concerned.assessmentId())
                .containsEntry("channel", "PHONE").containsEntry("complainant", "BENEFICIARY")
                .containsEntry("topic", "ORGANISATION").containsEntry("version", 3L);
        assertThat(kept.getDate("receivedDate").toInstant()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
        assertThat(kept.getDate("answeredDate").toInstant()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));

        // the auditor reads it, the latest received first
        Complaint later = manager().recordComplaint(record(complaint(TODAY.minusDays(1)))).getComplaint();
        var listed = auditor().listComplaints(ListComplaintsRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(Instant.parse("2026-03-01T00:00:00Z")))
                .setEndTime(ProtoTime.of(Instant.parse("2026-04-01T00:00:00Z"))).build()).getComplaintsList();
        assertThat(listed).extracting(Complaint::getId).containsExactly(later.getId(), recorded.getId());
        assertThat(listed.get(1)).isEqualTo(answered);
    }

    @Test
    void aComplaintWithoutAChannelIsRefusedInFrenchNamingTheFieldAndNothingIsRecorded() {
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> manager().recordComplaint(
                record(complaint(LocalDate.now().minusDays(1)).clearChannel())));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(FieldErrors.of(refused)).singleElement().asString()
                .startsWith("complaint.channel: Indiquez par quel canal la réclamation est arrivée");
        assertThat(stored(ComplaintRepository.COLLECTION)).isZero();
    }

    @Test
    void malformedFieldsAreNamedAsTheJsonSpellsThem() {
        clock.set(NOW);
        assertThat(FieldErrors.fieldsOf(() -> manager().recordComplaint(record(Complaint.newBuilder()
                .setReceivedDate(ProtoDates.of(TODAY.plusDays(1))).setSummary("x".repeat(2_001))))))
                .containsExactly("complaint.complainant", "complaint.channel", "complaint.topic", "complaint.summary",
                        "complaint.receivedDate");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordComplaint(record(complaint(TODAY)
                .setReceivedDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(2).setDay(30))))))
                .containsExactly("complaint.receivedDate");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordComplaint(record(complaint(TODAY)).toBuilder()
                .setRequestId("").build()))).containsExactly("requestId");
        assertThat(FieldErrors.fieldsOf(() -> manager().listDropOuts(ListDropOutsRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(NOW)).build()))).containsExactly("endTime");
        assertThat(FieldErrors.fieldsOf(() -> manager().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder()
                .setCentreId(centre).setAcknowledgedDate(ProtoDates.of(TODAY)).build()))).containsExactly("complaintId");
        assertThat(stored(ComplaintRepository.COLLECTION)).isZero();
    }

    @Test
    void todayIsTheCentresOwnDay() {
        // 22:30 in Paris on the 15th is already the 16th in La Réunion (UTC+4)
        clock.set(Instant.parse("2026-03-15T21:30:00Z"));
        String reunion = "centre-reunion";
        var asManager = manager();

        Complaint recorded = asManager.recordComplaint(RecordComplaintRequest.newBuilder().setCentreId(reunion)
                .setComplaint(complaint(TODAY)).setRequestId(UUID.randomUUID().toString()).build()).getComplaint();
        assertThat(recorded.getReceivedDate()).isEqualTo(ProtoDates.of(TODAY));
        assertThat(FieldErrors.fieldsOf(() -> manager().recordComplaint(record(complaint(TODAY)))))
                .containsExactly("complaint.receivedDate");
    }

    @Test
    void aRetryReturnsTheFirstResultAndAnotherComplaintUnderTheSameRequestIsRefused() {
        clock.set(NOW);
        RecordComplaintRequest request = record(complaint(TODAY));

        Complaint first = manager().recordComplaint(request).getComplaint();
        Complaint again = manager().recordComplaint(request).getComplaint();
        var other = catchThrowableOfType(StatusRuntimeException.class, () -> manager().recordComplaint(request.toBuilder()
                .setComplaint(complaint(TODAY).setTopic(ComplaintTopic.BILLING)).build()));

        assertThat(again).isEqualTo(first);
        assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(other.getStatus().getDescription()).contains("identifiant de requête a déjà servi");
        assertThat(stored(ComplaintRepository.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aComplaintNamesABilanOfItsCentreOnly() {
        BilanRecord elsewhere = bilan("centre-other", Outcome.IN_PROGRESS, null);

        for (String assessment : List.of(elsewhere.assessmentId(), "bilan-unknown")) {
            var refused = catchThrowableOfType(StatusRuntimeException.class, () -> manager().recordComplaint(
                    record(complaint(LocalDate.now().minusDays(1)).setAssessmentId(assessment))));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refused.getStatus().getDescription()).contains("n'est pas un bilan connu de ce centre");
        }
        assertThat(stored(ComplaintRepository.COLLECTION)).isZero();
    }

    @Test
    void theStepsAreRefusedOutOfOrderInFrench() {
        clock.set(NOW);
        Complaint recorded = manager().recordComplaint(record(complaint(TODAY.minusDays(3)))).getComplaint();

        var early = catchThrowableOfType(StatusRuntimeException.class, () -> manager().answerComplaint(
                AnswerComplaintRequest.newBuilder().setCentreId(centre).setComplaintId(recorded.getId())
                        .setAnsweredDate(ProtoDates.of(TODAY)).setAnswerSummary("Réponse.").build()));
        var beforeReception = catchThrowableOfType(StatusRuntimeException.class, () -> manager().acknowledgeComplaint(
                AcknowledgeComplaintRequest.newBuilder().setCentreId(centre).setComplaintId(recorded.getId())
                        .setAcknowledgedDate(ProtoDates.of(TODAY.minusDays(4))).build()));
        var tomorrow = FieldErrors.fieldsOf(() -> manager().acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder()
                .setCentreId(centre).setComplaintId(recorded.getId()).setAcknowledgedDate(ProtoDates.of(TODAY.plusDays(1)))
                .build()));

        assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(early.getStatus().getDescription()).startsWith("Enregistrez d'abord l'accusé de réception");
        assertThat(beforeReception.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(tomorrow).containsExactly("acknowledgedDate");
        assertThat(database.getCollection(ComplaintRepository.COLLECTION).find(new Document("_id", recorded.getId()))
                .first()).containsEntry("version", 1L).containsEntry("acknowledgedDate", null);

        // retried, an acknowledgement is recorded once; another day is refused
        var acknowledge = AcknowledgeComplaintRequest.newBuilder().setCentreId(centre).setComplaintId(recorded.getId())
                .setAcknowledgedDate(ProtoDates.of(TODAY)).build();
        assertThat(manager().acknowledgeComplaint(acknowledge)).isEqualTo(manager().acknowledgeComplaint(acknowledge));
        assertThat(codeOf(() -> manager().acknowledgeComplaint(acknowledge.toBuilder()
                .setAcknowledgedDate(ProtoDates.of(TODAY.minusDays(1))).build()))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(codeOf(() -> manager().acknowledgeComplaint(acknowledge.toBuilder().setComplaintId("nope").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void eachReachesTheRegisterOfItsOwnCentresOnlyAndAnAuditorOnlyReadsIt() {
        clock.set(NOW);
        var otherManager = as(TestIdentityProvider.token("manager-2", List.of("centre-other"), "centre-manager"));
        var consultant = as(TestIdentityProvider.token("consultant-1", List.of(centre), "consultant"));
        var list = ListComplaintsRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(NOW))
                .setEndTime(ProtoTime.of(NOW.plusSeconds(86_400))).build();

        assertThat(codeOf(() -> otherManager.recordComplaint(record(complaint(TODAY))))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> otherManager.listComplaints(list))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> auditor().recordComplaint(record(complaint(TODAY))))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> consultant.listComplaints(list))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> auditor().listComplaints(list))).isEqualTo(Status.Code.OK);
        assertThat(codeOf(() -> auditor().listImprovementActions(ListImprovementActionsRequest.newBuilder()
                .setCentreId(centre).build()))).isEqualTo(Status.Code.OK);
        assertThat(codeOf(() -> as(TestIdentityProvider.token("auditor-2", List.of("centre-other"), "auditor"))
                .listDropOuts(ListDropOutsRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(NOW))
                        .setEndTime(ProtoTime.of(NOW.plusSeconds(86_400))).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(stored(ComplaintRepository.COLLECTION)).isZero();
    }

    @Test
    void anImprovementActionFromAComplaintMovesOnAndNeverBack() {
        clock.set(NOW);
        Complaint complaint = manager().recordComplaint(record(complaint(TODAY))).getComplaint();
        Complaint elsewhere = manager().recordComplaint(RecordComplaintRequest.newBuilder().setCentreId("centre-reunion")
                .setComplaint(complaint(TODAY)).setRequestId(UUID.randomUUID().toString()).build()).getComplaint();
        var action = ImprovementAction.newBuilder().setTitle("Prévenir 48 h avant toute annulation")
                .setOrigin(ImprovementOrigin.COMPLAINT).setOriginId(complaint.getId()).setOwner("Responsable qualité")
                .setDueDate(ProtoDates.of(TODAY.plusMonths(1)));
        var request = RecordImprovementActionRequest.newBuilder().setCentreId(centre).setAction(action)
                .setRequestId(UUID.randomUUID().toString()).build();

        var fromElsewhere = catchThrowableOfType(StatusRuntimeException.class, () -> manager().recordImprovementAction(
                request.toBuilder().setAction(action.clone().setOriginId(elsewhere.getId())).build()));
        assertThat(fromElsewhere.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(fromElsewhere.getStatus().getDescription()).contains("aucune réclamation de ce centre");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordImprovementAction(request.toBuilder()
                .setAction(action.clone().clearDueDate()).build()))).containsExactly("action.dueDate");
        assertThat(stored(ImprovementActionRepository.COLLECTION)).isZero();

        ImprovementAction recorded = manager().recordImprovementAction(request).getAction();
        assertThat(manager().recordImprovementAction(request).getAction()).isEqualTo(recorded);
        assertThat(recorded.getStatus()).isEqualTo(ImprovementStatus.OPEN);
        assertThat(recorded.hasDoneDate()).isFalse();

        var update = UpdateImprovementActionRequest.newBuilder().setCentreId(centre).setActionId(recorded.getId());
        ImprovementAction underWay = manager().updateImprovementAction(update.clone()
                .setStatus(ImprovementStatus.IN_PROGRESS).setOwner("Directrice").build()).getAction();
        assertThat(underWay.getOwner()).isEqualTo("Directrice");
        var back = catchThrowableOfType(StatusRuntimeException.class, () -> manager().updateImprovementAction(
                update.clone().setStatus(ImprovementStatus.OPEN).build()));
        assertThat(back.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(back.getStatus().getDescription()).contains("ne revient pas en arrière");

        ImprovementAction done = manager().updateImprovementAction(update.clone().setStatus(ImprovementStatus.DONE).build())
                .getAction();
        assertThat(done.getDoneDate()).isEqualTo(ProtoDates.of(TODAY));

        // the open ones first, then by due date
        ImprovementAction open = manager().recordImprovementAction(RecordImprovementActionRequest.newBuilder()
                .setCentreId(centre).setRequestId(UUID.randomUUID().toString()).setAction(ImprovementAction.newBuilder()
                        .setTitle("Relire le questionnaire à froid").setOrigin(ImprovementOrigin.SURVEY)
                        .setOriginId("2025").setOwner("Consultante référente")
                        .setDueDate(ProtoDates.of(TODAY.plusMonths(6)))).build()).getAction();
        assertThat(auditor().listImprovementActions(ListImprovementActionsRequest.newBuilder().setCentreId(centre).build())
                .getActionsList()).containsExactly(open, done);
    }

    @Test
    void theDropOutsOfAPeriodWithTheirReasonsPseudonymised() {
        clock.set(NOW);
        BilanRecord withdrawn = bilan(centre, Outcome.WITHDRAWN, LocalDate.of(2026, 2, 10),
                new PhaseHours(Phase.PRELIMINARY, 180, 180, 2, 2, 0), new PhaseHours(Phase.INVESTIGATION, 240, 60, 2, 1, 1));
        BilanRecord abandoned = bilan(centre, Outcome.ABANDONED, LocalDate.of(2026, 1, 31),
                new PhaseHours(Phase.PRELIMINARY, 120, 60, 1, 1, 0));
        bilan(centre, Outcome.COMPLETED, LocalDate.of(2026, 2, 12), new PhaseHours(Phase.CONCLUSION, 120, 120, 1, 1, 0));
        bilan(centre, Outcome.INTERRUPTED, LocalDate.of(2026, 3, 1));
        bilan("centre-other", Outcome.ABANDONED, LocalDate.of(2026, 2, 1));

        // January and February in Paris: 31 December 23:00 UTC is 1 January there
        ListDropOutsResponse listed = auditor().listDropOuts(ListDropOutsRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(Instant.parse("2025-12-31T23:00:00Z")))
                .setEndTime(ProtoTime.of(Instant.parse("2026-02-28T23:00:00Z"))).build());

        assertThat(listed.getDropOutsList()).extracting(d -> d.getPseudonym()).containsExactly(
                Pseudonym.of(centre, withdrawn.assessmentId()), Pseudonym.of(centre, abandoned.assessmentId()));
        var first = listed.getDropOuts(0);
        assertThat(first.getReason()).isEqualTo(DropOutReason.WITHDRAWAL);
        assertThat(first.getEndDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 2, 10)));
        assertThat(first.getPlannedMinutes()).isEqualTo(420);
        assertThat(first.getDeliveredMinutes()).isEqualTo(240);
        assertThat(first.getLastPhase()).isEqualTo("INVESTIGATION");
        assertThat(listed.getDropOuts(1).getLastPhase()).isEqualTo("PRELIMINARY");
        assertThat(listed.getCountsList()).containsExactly(
                DropOutCount.newBuilder().setReason(DropOutReason.WITHDRAWAL).setCount(1).build(),
                DropOutCount.newBuilder().setReason(DropOutReason.ABANDONMENT).setCount(1).build(),
                DropOutCount.newBuilder().setReason(DropOutReason.FORCE_MAJEURE).setCount(0).build());
        assertThat(listed.toString()).doesNotContain(withdrawn.assessmentId()).doesNotContain("beneficiary-1");
    }
}
