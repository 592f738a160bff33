package fr.bilan.quality.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.quality.internal.v1.BilanFacts;
import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.v1.AnswerChannel;
import fr.bilan.proto.quality.v1.FollowUpServiceGrpc;
import fr.bilan.proto.quality.v1.FollowUpServiceGrpc.FollowUpServiceBlockingStub;
import fr.bilan.proto.quality.v1.FollowUpState;
import fr.bilan.proto.quality.v1.GetFollowUpRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeRequest;
import fr.bilan.proto.quality.v1.SituationAtSixMonths;
import fr.bilan.quality.BeneficiaryServiceStandIn;
import fr.bilan.quality.QualityServiceContext;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The follow-up interview end to end, on the embedded MongoDB: made from the facts session-service tells
 * (through the intake), offered at its date by the scheduled job, answered by the consultant or from the
 * survey's link, its outcome recorded; who reads it (each read in the beneficiary's access log) and who
 * records; the refusals in French.
 */
@QualityServiceContext
class FollowUpGrpcTest extends GrpcServiceTestSupport {

    private static final String CENTRE = "centre-lyon";
    /** The end of the action, in Paris. */
    private static final LocalDate END = LocalDate.of(2026, 12, 7);
    private static final LocalDate DUE = LocalDate.of(2027, 6, 7);
    /** Before the due date: nothing is offered while the clock stands here. */
    private static final Instant BEFORE_DUE = Instant.parse("2027-01-15T09:00:00Z");

    @Autowired
    private TestClock clock;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private FollowUpAnswers answers;
    @Autowired
    private FollowUpPlanning planning;

    /** One bilan of the test: its ids and its people. */
    private record Bilan(String id, String beneficiaryId, String account, String consultant) {
    }

    @BeforeEach
    void standStill() {
        clock.set(BEFORE_DUE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Bilan newBilan() {
        String id = "assessment-" + UUID.randomUUID();
        Bilan bilan = new Bilan(id, "beneficiary-" + id, "account-" + id, "consultant-" + UUID.randomUUID());
        BeneficiaryServiceStandIn.CONTACTS.put(bilan.beneficiaryId(), CENTRE, "Camille", "Martin", "", bilan.account(),
                bilan.consultant());
        return bilan;
    }

    private static void tell(Bilan bilan, BilanOutcome outcome, long revision) {
        BilanFacts.Builder facts = BilanFacts.newBuilder().setAssessmentId(bilan.id())
                .setBeneficiaryId(bilan.beneficiaryId()).setCentreId(CENTRE).setConsultantId(bilan.consultant())
                .setOutcome(outcome).setStartDate(ProtoDates.of(LocalDate.of(2026, 9, 14)));
        if (outcome != BilanOutcome.IN_PROGRESS) {
            facts.setEndDate(ProtoDates.of(END));
        }
        if (outcome == BilanOutcome.COMPLETED) {
            facts.setFollowUpDueDate(ProtoDates.of(DUE));
        }
        QualityIntakeServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .recordBilanFacts(RecordBilanFactsRequest.newBuilder().setFacts(facts).setRevision(revision).build());
    }

    private static FollowUpServiceBlockingStub as(String token) {
        return FollowUpServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String consultant(Bilan bilan) {
        return TestIdentityProvider.token(bilan.consultant(), List.of(CENTRE), "consultant");
    }

    private static String beneficiary(Bilan bilan) {
        return TestIdentityProvider.token(bilan.account(), "beneficiary");
    }

    private static String manager(String centre) {
        return TestIdentityProvider.token("manager-" + centre, List.of(centre), "centre-manager");
    }

    private static fr.bilan.proto.quality.v1.FollowUp get(String token, Bilan bilan) {
        return as(token).getFollowUp(GetFollowUpRequest.newBuilder().setAssessmentId(bilan.id()).build()).getFollowUp();
    }

    private static RecordFollowUpOutcomeRequest outcome(Bilan bilan, LocalDate held, SituationAtSixMonths situation) {
        return RecordFollowUpOutcomeRequest.newBuilder().setAssessmentId(bilan.id()).setHeldDate(ProtoDates.of(held))
                .setSituation(situation).setActionPlanStarted(true).build();
    }

    private static RecordFollowUpAnswerRequest answer(Bilan bilan, boolean accepted) {
        return RecordFollowUpAnswerRequest.newBuilder().setAssessmentId(bilan.id()).setAccepted(accepted).build();
    }

    private Document stored(Bilan bilan) {
        return database.getCollection(FollowUpRepository.COLLECTION).find(Filters.eq("_id", bilan.id())).first();
    }

    /** A completed bilan whose follow-up the job offered on its due date, the clock at 9:00 in Paris that day. */
    private Bilan offered() {
        Bilan bilan = newBilan();
        tell(bilan, BilanOutcome.COMPLETED, 9);
        clock.set(Instant.parse("2027-06-07T07:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFERED".equals(stored(bilan).getString("state")));
        return bilan;
    }

    @Test
    void theEndOfACompletedBilanSchedulesItAndTheJobOffersItOnItsDateInTheCentresDay() {
        Bilan bilan = newBilan();
        tell(bilan, BilanOutcome.IN_PROGRESS, 3);
        // under way: scheduled, no date yet, nothing stored
        assertThat(get(consultant(bilan), bilan).getState()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(get(consultant(bilan), bilan).hasDueDate()).isFalse();
        assertThat(stored(bilan)).isNull();

        tell(bilan, BilanOutcome.COMPLETED, 7);
        // the same facts again (an outbox retry) change nothing
        tell(bilan, BilanOutcome.COMPLETED, 7);

        fr.bilan.proto.quality.v1.FollowUp scheduled = get(consultant(bilan), bilan);
        assertThat(scheduled.getState()).isEqualTo(FollowUpState.SCHEDULED);
        assertThat(scheduled.getDueDate()).isEqualTo(ProtoDates.of(DUE));
        assertThat(stored(bilan)).containsEntry("centreId", CENTRE).containsEntry("state", "SCHEDULED")
                .containsEntry("dueDate", fr.bilan.quality.bilan.BilanRecordRepository.day(DUE))
                .containsEntry("endDate", fr.bilan.quality.bilan.BilanRecordRepository.day(END))
                .containsEntry("offerTime", null).containsEntry("answerChannel", null).containsEntry("answerTime", null)
                .containsEntry("heldDate", null).containsEntry("situation", null)
                .containsEntry("actionPlanStarted", false).containsEntry("version", 1L);

        // 23:30 on the eve in Paris: not yet the day
        clock.set(Instant.parse("2027-06-06T21:30:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> "SCHEDULED".equals(stored(bilan).getString("state")));
        // 00:30 on the day in Paris, still the eve in UTC: the centre's day has come
        Instant offerTime = Instant.parse("2027-06-06T22:30:00Z");
        clock.set(offerTime);
        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFERED".equals(stored(bilan).getString("state")));

        fr.bilan.proto.quality.v1.FollowUp offered = get(consultant(bilan), bilan);
        assertThat(offered.getOfferTime()).isEqualTo(ProtoTime.of(offerTime));
        assertThat(offered.hasAnswerTime()).isFalse();
    }

    @Test
    void theConsultantRecordsTheAnswerThenTheOutcomeAndCorrectsIt() {
        Bilan bilan = offered();

        fr.bilan.proto.quality.v1.FollowUp declined = as(consultant(bilan)).recordFollowUpAnswer(answer(bilan, false))
                .getFollowUp();
        assertThat(declined.getState()).isEqualTo(FollowUpState.DECLINED);
        fr.bilan.proto.quality.v1.FollowUp accepted = as(consultant(bilan)).recordFollowUpAnswer(answer(bilan, true))
                .getFollowUp();
        assertThat(accepted.getState()).isEqualTo(FollowUpState.ACCEPTED);
        assertThat(accepted.getAnswerChannel()).isEqualTo(AnswerChannel.CONSULTANT_RECORDED);
        assertThat(accepted.getAnswerTime()).isEqualTo(ProtoTime.of(clock.instant()));

        fr.bilan.proto.quality.v1.FollowUp held = as(consultant(bilan)).recordFollowUpOutcome(
                outcome(bilan, LocalDate.of(2027, 6, 7), SituationAtSixMonths.IN_TRAINING)).getFollowUp();
        assertThat(held.getState()).isEqualTo(FollowUpState.HELD);
        assertThat(held.getHeldDate()).isEqualTo(ProtoDates.of(LocalDate.of(2027, 6, 7)));
        assertThat(held.getSituation()).isEqualTo(SituationAtSixMonths.IN_TRAINING);
        assertThat(held.getActionPlanStarted()).isTrue();

        // recording it again corrects it
        var corrected = as(consultant(bilan)).recordFollowUpOutcome(outcome(bilan, LocalDate.of(2027, 6, 6),
                SituationAtSixMonths.NEW_JOB).toBuilder().setActionPlanStarted(false).build()).getFollowUp();
        assertThat(corrected.getSituation()).isEqualTo(SituationAtSixMonths.NEW_JOB);
        assertThat(stored(bilan)).containsEntry("state", "HELD").containsEntry("situation", "NEW_JOB")
                .containsEntry("heldDate", fr.bilan.quality.bilan.BilanRecordRepository.day(LocalDate.of(2027, 6, 6)))
                .containsEntry("actionPlanStarted", false).containsEntry("answerChannel", "CONSULTANT_RECORDED");
        // held, the answer no longer changes
        assertFailedPrecondition(() -> as(consultant(bilan)).recordFollowUpAnswer(answer(bilan, false)),
                "L'entretien de suivi a eu lieu");
    }

    @Test
    void theBeneficiaryAnswersFromTheSurveysLinkUntilTheOutcome() {
        Bilan bilan = offered();
        Instant when = clock.instant();

        answers.answeredFromLink(bilan.id(), true, when);

        fr.bilan.proto.quality.v1.FollowUp accepted = get(beneficiary(bilan), bilan);
        assertThat(accepted.getState()).isEqualTo(FollowUpState.ACCEPTED);
        assertThat(accepted.getAnswerChannel()).isEqualTo(AnswerChannel.SURVEY_LINK);
        assertThat(accepted.getAnswerTime()).isEqualTo(ProtoTime.of(when));

        as(consultant(bilan)).recordFollowUpOutcome(outcome(bilan, LocalDate.of(2027, 6, 7), SituationAtSixMonths.OTHER));
        // after the outcome, a late answer from the link is left aside
        answers.answeredFromLink(bilan.id(), false, when.plusSeconds(60));
        assertThat(get(beneficiary(bilan), bilan).getState()).isEqualTo(FollowUpState.HELD);
    }

    @Test
    void refusesInFrenchWhatTheFollowUpDoesNotTake() {
        Bilan underWay = newBilan();
        tell(underWay, BilanOutcome.IN_PROGRESS, 2);
        assertFailedPrecondition(() -> as(consultant(underWay)).recordFollowUpAnswer(answer(underWay, true)),
                "L'action de ce bilan n'est pas terminée");

        Bilan scheduled = newBilan();
        tell(scheduled, BilanOutcome.COMPLETED, 5);
        assertFailedPrecondition(() -> as(consultant(scheduled)).recordFollowUpAnswer(answer(scheduled, true)),
                "L'entretien de suivi n'a pas encore été proposé au bénéficiaire : il le sera le 7 juin 2027.");

        Bilan dropOut = newBilan();
        tell(dropOut, BilanOutcome.ABANDONED, 5);
        assertThat(get(consultant(dropOut), dropOut).getState()).isEqualTo(FollowUpState.NOT_OFFERED);
        assertFailedPrecondition(() -> as(consultant(dropOut)).recordFollowUpOutcome(outcome(dropOut,
                LocalDate.of(2027, 1, 10), SituationAtSixMonths.OTHER)), "Ce bilan s'est terminé sans être achevé");

        Bilan offered = offered();
        assertThat(FieldErrors.fieldsOf(() -> as(consultant(offered)).recordFollowUpOutcome(outcome(offered,
                LocalDate.of(2027, 6, 8), SituationAtSixMonths.NEW_JOB)))).containsExactly("heldDate");
        assertThat(FieldErrors.fieldsOf(() -> as(consultant(offered)).recordFollowUpOutcome(outcome(offered,
                LocalDate.of(2026, 12, 6), SituationAtSixMonths.NEW_JOB)))).containsExactly("heldDate");
        assertThat(FieldErrors.fieldsOf(() -> as(consultant(offered)).recordFollowUpOutcome(
                RecordFollowUpOutcomeRequest.getDefaultInstance()))).containsExactly("assessmentId", "heldDate",
                        "situation");
        assertThat(FieldErrors.of(() -> as(consultant(offered)).recordFollowUpOutcome(outcome(offered,
                LocalDate.of(2027, 6, 7), SituationAtSixMonths.SITUATION_AT_SIX_MONTHS_UNSPECIFIED))))
                .containsExactly("situation: Indiquez la situation du bénéficiaire.");
        // nothing half recorded
        assertThat(stored(offered)).containsEntry("state", "OFFERED").containsEntry("heldDate", null);
        assertThat(codeOf(() -> get(consultant(offered), new Bilan("assessment-unknown", "", "", ""))))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void theBeneficiaryTheirConsultantAndTheCentresManagersReadItEachReadInTheAccessLog() {
        Bilan bilan = newBilan();
        tell(bilan, BilanOutcome.COMPLETED, 4);
        Bilan another = newBilan();

        for (String reader : List.of(beneficiary(bilan), consultant(bilan), manager(CENTRE))) {
            assertThat(get(reader, bilan).getAssessmentId()).isEqualTo(bilan.id());
        }
        for (String stranger : List.of(beneficiary(another), consultant(another), manager("centre-grenoble"),
                TestIdentityProvider.token(bilan.consultant(), List.of("centre-grenoble"), "consultant"),
                TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"))) {
            assertThat(codeOf(() -> get(stranger, bilan))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        // only the consultant records
        assertThat(codeOf(() -> as(manager(CENTRE)).recordFollowUpAnswer(answer(bilan, true))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(consultant(another)).recordFollowUpOutcome(outcome(bilan, END,
                SituationAtSixMonths.OTHER)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // the beneficiary's login was asked of beneficiary-service under the follow-up's purpose
        assertThat(BeneficiaryServiceStandIn.CONTACTS.callsFor(bilan.beneficiaryId()))
                .allSatisfy(call -> assertThat(call.purpose()).isEqualTo(BeneficiaryContactAccounts.PURPOSE))
                .isNotEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> TestAccessRegister.of(bilan.beneficiaryId()).size() >= 3);
        assertThat(TestAccessRegister.of(bilan.beneficiaryId()))
                .extracting(record -> record.getActor())
                .contains(bilan.account(), bilan.consultant(), "manager-" + CENTRE);
    }

    @Test
    void thePurgeForgetsIt() {
        Bilan bilan = newBilan();
        tell(bilan, BilanOutcome.WITHDRAWN, 3);

        assertThat(planning.eraseAssessment(bilan.id())).isTrue();
        assertThat(stored(bilan)).isNull();
        assertThat(planning.eraseAssessment(bilan.id())).isFalse();
    }

    private static void assertFailedPrecondition(Runnable call, String frenchStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, refusal -> {
            assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refusal.getStatus().getDescription()).startsWith(frenchStart);
        });
    }
}
