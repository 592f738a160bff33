package fr.bilan.retention.action;

import static fr.bilan.support.testing.GrpcServiceTestSupport.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;
import com.google.type.Date;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.retention.RetentionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import io.grpc.Status;

class RetentionActionEndTest extends RetentionServiceTestSupport {

    private static final String ENDS = ActionEnds.COLLECTION;
    private static final String METER = "bilan.retention.action.ends";

    private static final Timestamp START_TIME = Timestamp.newBuilder().setSeconds(1_780_000_000L).build();
    private static final Timestamp END_TIME = Timestamp.newBuilder().setSeconds(1_793_000_000L).build();

    private static ActionEnd.Builder end(String assessment) {
        return ActionEnd.newBuilder().setEventId(UUID.randomUUID().toString()).setAssessmentId(assessment)
                .setBeneficiaryId("beneficiary-1").setCentreId("centre-lyon").setOutcome("COMPLETED")
                .setStartTime(START_TIME).setEndTime(END_TIME);
    }

    private static boolean record(ActionEnd end) {
        return platform().recordActionEnd(RecordActionEndRequest.newBuilder().setActionEnd(end).build())
                .getFirstDelivery();
    }

    @Test
    void takesAnEndInOnceAndAcknowledgesARedeliveryWithoutEffect() {
        double takenInBefore = intakes(METER, "taken_in");
        double duplicatesBefore = intakes(METER, "duplicate");
        String assessment = UUID.randomUUID().toString();
        ActionEnd end = end(assessment).setFollowUpDueDate(Date.newBuilder().setYear(2027).setMonth(5).setDay(12)).build();

        assertThat(record(end)).isTrue();
        // a redelivery that says otherwise still changes nothing: the first delivery is the one kept
        assertThat(record(end.toBuilder().setOutcome("ABANDONED").build())).isFalse();

        assertThat(storedFor(ENDS, assessment)).isEqualTo(1);
        Document kept = stored(ENDS, end.getEventId());
        assertThat(kept).containsEntry("assessmentId", assessment).containsEntry("beneficiaryId", "beneficiary-1")
                .containsEntry("centreId", "centre-lyon").containsEntry("outcome", "COMPLETED")
                .containsEntry("followUpDueDate", "2027-05-12");
        assertThat(kept.getDate("startTime").toInstant().getEpochSecond()).isEqualTo(START_TIME.getSeconds());
        assertThat(kept.getDate("endTime").toInstant().getEpochSecond()).isEqualTo(END_TIME.getSeconds());
        assertThat(kept.getDate("receiveTime")).isNotNull();
        assertThat(intakes(METER, "taken_in") - takenInBefore).isEqualTo(1);
        assertThat(intakes(METER, "duplicate") - duplicatesBefore).isEqualTo(1);
    }

    @Test
    void keepsTheFundingOfTheActionWhenOneWasRecorded() {
        ActionEnd funded = end(UUID.randomUUID().toString()).setFundingId("funding-42").build();
        ActionEnd unfunded = end(UUID.randomUUID().toString()).build();

        assertThat(record(funded)).isTrue();
        assertThat(record(unfunded)).isTrue();

        assertThat(stored(ENDS, funded.getEventId())).containsEntry("fundingId", "funding-42");
        assertThat(stored(ENDS, unfunded.getEventId())).doesNotContainKey("fundingId");
    }

    @Test
    void anEndRegistersWhatEachHolderKeepsOfTheBilanUnderTheKindThatGovernsIt() {
        String assessment = UUID.randomUUID().toString();

        record(end(assessment).setFundingId("funding-7").build());

        assertThat(storedFor("documents", assessment)).isEqualTo(5);
        assertThat(stored("documents", "content:synthesis-service:" + assessment))
                .containsEntry("kind", "SYNTHESIS_DOCUMENT").containsEntry("holder", "synthesis-service");
        assertThat(stored("documents", "content:session-service:" + assessment))
                .containsEntry("kind", "ATTENDANCE").containsEntry("holder", "session-service")
                .containsEntry("centreId", "centre-lyon").containsEntry("beneficiaryId", "beneficiary-1");
        assertThat(stored("documents", "content:beneficiary-service:" + assessment))
                .containsEntry("kind", "AGREEMENT").containsEntry("holder", "beneficiary-service");
        assertThat(stored("documents", "content:notification-service:" + assessment))
                .containsEntry("kind", "ATTENDANCE").containsEntry("holder", "notification-service");
        assertThat(stored("documents", "content:quality-service:" + assessment))
                .containsEntry("kind", "ATTENDANCE").containsEntry("holder", "quality-service");
        assertThat(stored("documents", "content:session-service:" + assessment).getDate("storeTime").toInstant()
                .getEpochSecond()).isEqualTo(END_TIME.getSeconds());
    }

    @Test
    void anEndWithoutAFundingRegistersNoAgreementForNoCertificateToClaimOne() {
        String assessment = UUID.randomUUID().toString();

        record(end(assessment).build());

        assertThat(storedFor("documents", assessment)).isEqualTo(4);
        assertThat(stored("documents", "content:beneficiary-service:" + assessment)).isNull();
        assertThat(stored("documents", "content:session-service:" + assessment)).containsEntry("kind", "ATTENDANCE");
    }

    @Test
    void keepsASideExitWithoutAFollowUpDate() {
        ActionEnd withdrawn = end(UUID.randomUUID().toString()).setOutcome("WITHDRAWN").build();

        assertThat(record(withdrawn)).isTrue();

        assertThat(stored(ENDS, withdrawn.getEventId())).containsEntry("outcome", "WITHDRAWN")
                .doesNotContainKey("followUpDueDate");
    }

    @Test
    void refusesAnInvalidEndFieldByFieldInFrench() {
        var empty = RecordActionEndRequest.getDefaultInstance();
        assertThat(FieldErrors.of(() -> platform().recordActionEnd(empty))).containsExactlyInAnyOrder(
                "action_end.event_id: Ce champ est obligatoire.",
                "action_end.assessment_id: Ce champ est obligatoire.",
                "action_end.beneficiary_id: Ce champ est obligatoire.",
                "action_end.centre_id: Ce champ est obligatoire.",
                "action_end.outcome: Indiquez comment l'action s'est terminée : COMPLETED, WITHDRAWN, ABANDONED ou INTERRUPTED.",
                "action_end.start_time: Indiquez la date de début de l'action.",
                "action_end.end_time: Indiquez la date de fin de l'action.");

        String assessment = UUID.randomUUID().toString();
        var wrong = RecordActionEndRequest.newBuilder().setActionEnd(end(assessment)
                .setAssessmentId("a".repeat(65)).setOutcome("CLOSED")
                .setEndTime(Timestamp.newBuilder().setSeconds(300_000_000_000L))
                .setFollowUpDueDate(Date.newBuilder().setYear(2027).setMonth(2).setDay(30))).build();
        assertThat(FieldErrors.fieldsOf(() -> platform().recordActionEnd(wrong))).containsExactlyInAnyOrder(
                "action_end.assessment_id", "action_end.outcome", "action_end.end_time",
                "action_end.follow_up_due_date");
        assertThat(codeOf(() -> platform().recordActionEnd(RecordActionEndRequest.newBuilder()
                .setActionEnd(end(assessment).setOutcome("ACTION_ENDED")).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(FieldErrors.of(() -> platform().recordActionEnd(RecordActionEndRequest.newBuilder()
                .setActionEnd(end(assessment).setFundingId("f".repeat(65))).build()))).containsExactly(
                        "action_end.funding_id: Ce champ ne doit pas dépasser 64 caractères.");
        assertThat(storedFor(ENDS, assessment)).isZero();
    }

    @Test
    void onlyAPlatformServiceMayRecordAnEnd() {
        String assessment = UUID.randomUUID().toString();
        var request = RecordActionEndRequest.newBuilder().setActionEnd(end(assessment)).build();

        assertOnlyAPlatformServiceMay(retention -> retention.recordActionEnd(request));
        assertThat(storedFor(ENDS, assessment)).isZero();
    }
}
