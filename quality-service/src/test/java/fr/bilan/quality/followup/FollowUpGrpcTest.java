package fr.bilan.quality.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.quality.v1.GetFollowUpRequest;
import fr.bilan.proto.quality.v1.ListFollowUpsRequest;
import fr.bilan.proto.quality.v1.ListFollowUpsResponse;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeRequest;
import fr.bilan.proto.quality.v1.SituationAtSixMonths;
import fr.bilan.quality.BeneficiaryServiceStandIn;
import fr.bilan.quality.NotificationServiceStandIn;
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
 * survey's link (which tells the consultant through notification-service's intake), booked, moved and
 * unbooked by its FOLLOW_UP session, its outcome recorded; who reads it and lists a centre's (each read in the
 * beneficiary's access log) and who records; the refusals in French.
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

    /** One bilan of the test: its ids, its people and its centre. */
    private record Bilan(String id, String beneficiaryId, String account, String consultant, String centre) {
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
        return newBilan(CENTRE, "consultant-" + UUID.randomUUID());
    }

    /** A bilan of {@code centre} run by {@code consultant} (none: empty). */
    private static Bilan newBilan(String centre, String consultant) {
        String id = "assessment-" + UUID.randomUUID();
        Bilan bilan = new Bilan(id, "beneficiary-" + id, "account-" + id, consultant, centre);
        BeneficiaryServiceStandIn.CONTACTS.put(bilan.beneficiaryId(), centre, "Camille", "Martin", "", bilan.account(),
                bilan.consultant());
        return bilan;
    }

    private static void tell(Bilan bilan, BilanOutcome outcome, long revision) {
        tell(bilan, outcome, revision, null);
    }

    /** The facts of {@code bilan}, its FOLLOW_UP session starting at {@code followUpSession} (none: null). */
    private static void tell(Bilan bilan, BilanOutcome outcome, long revision, Instant followUpSession) {
        BilanFacts.Builder facts = BilanFacts.newBuilder().setAssessmentId(bilan.id())
                .setBeneficiaryId(bilan.beneficiaryId()).setCentreId(bilan.centre()).setConsultantId(bilan.consultant())
                .setOutcome(outcome).setStartDate(ProtoDates.of(LocalDate.of(2026, 9, 14)));
        if (followUpSession != null) {
            facts.setFollowUpSessionTime(ProtoTime.of(followUpSession));
        }
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
        return TestIdentityProvider.token(bilan.consultant(), List.of(bilan.centre()), "consultant");
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
        assertThat(codeOf(() -> get(consultant(offered), new Bilan("assessment-unknown", "", "", "", CENTRE))))
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

    @Test
    void itsFollowUpSessionBooksItMovedMovesItCancelledUnbooksItAndTheOutcomeIsRecordedFromBooked() {
        Bilan bilan = offered();
        Instant session = Instant.parse("2027-06-21T08:00:00Z");
        Instant moved = Instant.parse("2027-06-28T12:30:00Z");

        tell(bilan, BilanOutcome.COMPLETED, 10, session);
        fr.bilan.proto.quality.v1.FollowUp booked = get(consultant(bilan), bilan);
        assertThat(booked.getState()).isEqualTo(FollowUpState.BOOKED);
        assertThat(booked.getSessionTime()).isEqualTo(ProtoTime.of(session));
        assertThat(booked.getConsultantId()).isEqualTo(bilan.consultant());
        // booking it says the beneficiary accepted, on the consultant's word, when it became known
        assertThat(booked.getAnswerChannel()).isEqualTo(AnswerChannel.CONSULTANT_RECORDED);
        assertThat(booked.getAnswerTime()).isEqualTo(ProtoTime.of(clock.instant()));
        assertThat(stored(bilan)).containsEntry("state", "BOOKED").containsEntry("sessionTime", Date.from(session))
                .containsEntry("consultantId", bilan.consultant());

        tell(bilan, BilanOutcome.COMPLETED, 11, moved);
        assertThat(get(consultant(bilan), bilan).getSessionTime()).isEqualTo(ProtoTime.of(moved));

        tell(bilan, BilanOutcome.COMPLETED, 12);
        fr.bilan.proto.quality.v1.FollowUp cancelled = get(consultant(bilan), bilan);
        assertThat(cancelled.getState()).isEqualTo(FollowUpState.ACCEPTED);
        assertThat(cancelled.hasSessionTime()).isFalse();

        tell(bilan, BilanOutcome.COMPLETED, 13, session);
        assertThat(as(consultant(bilan)).recordFollowUpOutcome(outcome(bilan, LocalDate.of(2027, 6, 7),
                SituationAtSixMonths.IN_PROJECT)).getFollowUp().getState()).isEqualTo(FollowUpState.HELD);
        // held never goes back, whatever the session does
        tell(bilan, BilanOutcome.COMPLETED, 14);
        assertThat(get(consultant(bilan), bilan).getState()).isEqualTo(FollowUpState.HELD);
    }

    @Test
    void theBeneficiarysAcceptanceFromTheLinkTellsTheirConsultantOnce() {
        Bilan bilan = offered();
        Instant when = clock.instant();

        answers.answeredFromLink(bilan.id(), true, when);
        // the page's retry: the same acceptance again arms nothing more
        answers.answeredFromLink(bilan.id(), true, when.plusSeconds(5));

        String eventId = "follow-up/" + bilan.id() + "/accepted/" + when.toEpochMilli();
        await().atMost(Duration.ofSeconds(20)).until(() -> NotificationServiceStandIn.INTAKE.hasTakenIn(eventId));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(bilan).get("notice", Document.class)
                .get("deliveredTime") != null);
        List<NotificationEvent> told = acceptancesOf(bilan);
        assertThat(told).singleElement().satisfies(event -> {
            assertThat(event.getEventId()).isEqualTo(eventId);
            assertThat(event.getOccurTime()).isEqualTo(ProtoTime.of(when));
            var fact = event.getFollowUpAccepted();
            assertThat(fact.getAssessmentId()).isEqualTo(bilan.id());
            assertThat(fact.getBeneficiaryId()).isEqualTo(bilan.beneficiaryId());
            assertThat(fact.getCentreId()).isEqualTo(CENTRE);
            assertThat(fact.getConsultantId()).isEqualTo(bilan.consultant());
            assertThat(fact.getDueDate()).isEqualTo(ProtoDates.of(DUE));
        });
        assertThat(stored(bilan).get("notice", Document.class)).doesNotContainKey("pending");

        // the consultant books it: nobody is told again
        tell(bilan, BilanOutcome.COMPLETED, 10, Instant.parse("2027-06-21T08:00:00Z"));
        assertThat(get(consultant(bilan), bilan).getState()).isEqualTo(FollowUpState.BOOKED);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> acceptancesOf(bilan).size() == 1);
    }

    @Test
    void noNoticeWhenTheConsultantRecordsTheAcceptanceOrWhenTheBilanHasNoConsultant() {
        Bilan recorded = offered();
        as(consultant(recorded)).recordFollowUpAnswer(answer(recorded, true));
        assertThat(stored(recorded)).containsEntry("state", "ACCEPTED").doesNotContainKey("notice");

        Bilan alone = newBilan(CENTRE, "");
        tell(alone, BilanOutcome.COMPLETED, 9);
        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFERED".equals(stored(alone).getString("state")));
        answers.answeredFromLink(alone.id(), true, clock.instant());
        assertThat(stored(alone)).containsEntry("state", "ACCEPTED").containsEntry("answerChannel", "SURVEY_LINK")
                .containsEntry("consultantId", "").doesNotContainKey("notice");
        assertThat(get(manager(CENTRE), alone).getConsultantId()).isEmpty();
    }

    /**
     * The FollowUpAccepted facts about {@code bilan} the intake was sent (a fact sent again counts again: none
     * is, the relay settling each on its first acknowledgement).
     */
    private static List<NotificationEvent> acceptancesOf(Bilan bilan) {
        return NotificationServiceStandIn.INTAKE.calls().stream().flatMap(call -> call.events().stream())
                .filter(event -> event.hasFollowUpAccepted()
                        && event.getFollowUpAccepted().getAssessmentId().equals(bilan.id()))
                .toList();
    }

    @Test
    void aCentresManagersListAllItsFollowUpsItsConsultantsTheirsByDueDatePageByPageEachInTheAccessLog() {
        String centre = "centre-" + UUID.randomUUID();
        String mine = "consultant-" + UUID.randomUUID();
        Bilan scheduled = newBilan(centre, mine);
        tell(scheduled, BilanOutcome.COMPLETED, 4);
        Bilan booked = newBilan(centre, mine);
        tell(booked, BilanOutcome.COMPLETED, 4, Instant.parse("2027-01-20T09:00:00Z"));
        Bilan dropOut = newBilan(centre, mine);
        tell(dropOut, BilanOutcome.ABANDONED, 4);
        Bilan another = newBilan(centre, "consultant-" + UUID.randomUUID());
        tell(another, BilanOutcome.COMPLETED, 4);
        // the never offered first (no due date), then by due date and bilan
        List<String> dated = Stream.of(scheduled, booked, another).map(Bilan::id)
                .sorted(Comparator.naturalOrder()).toList();
        List<String> all = Stream.concat(Stream.of(dropOut.id()), dated.stream())
                .toList();
        String manager = manager(centre);

        ListFollowUpsResponse everything = as(manager).listFollowUps(list(centre).build());
        assertThat(everything.getFollowUpsList()).extracting(fr.bilan.proto.quality.v1.FollowUp::getAssessmentId)
                .containsExactlyElementsOf(all);
        assertThat(everything.getNextPageToken()).isEmpty();
        fr.bilan.proto.quality.v1.FollowUp listedBooked = everything.getFollowUpsList().stream()
                .filter(followUp -> followUp.getAssessmentId().equals(booked.id())).findFirst().orElseThrow();
        assertThat(listedBooked.getState()).isEqualTo(FollowUpState.BOOKED);
        assertThat(listedBooked.getSessionTime()).isEqualTo(ProtoTime.of(Instant.parse("2027-01-20T09:00:00Z")));
        assertThat(listedBooked.getConsultantId()).isEqualTo(mine);

        // the consultant: theirs only
        assertThat(as(consultant(scheduled)).listFollowUps(list(centre).build()).getFollowUpsList())
                .extracting(fr.bilan.proto.quality.v1.FollowUp::getAssessmentId)
                .containsExactlyElementsOf(all.stream().filter(id -> !id.equals(another.id())).toList());
        // only some states
        assertThat(as(manager).listFollowUps(list(centre).addStates(FollowUpState.BOOKED)
                .addStates(FollowUpState.NOT_OFFERED).build()).getFollowUpsList())
                .extracting(fr.bilan.proto.quality.v1.FollowUp::getAssessmentId)
                .containsExactly(dropOut.id(), booked.id());

        // page by page, the same list
        List<String> paged = new ArrayList<>();
        String token = "";
        do {
            ListFollowUpsResponse page = as(manager).listFollowUps(list(centre).setPageSize(1).setPageToken(token)
                    .build());
            assertThat(page.getFollowUpsCount()).isEqualTo(1);
            page.getFollowUpsList().forEach(followUp -> paged.add(followUp.getAssessmentId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertThat(paged).containsExactlyElementsOf(all);

        // each follow-up listed reached its beneficiary's access log
        for (Bilan listed : List.of(scheduled, booked, dropOut, another)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> TestAccessRegister.of(listed.beneficiaryId()).stream()
                    .anyMatch(record -> record.getActor().equals("manager-" + centre)));
        }
    }

    @Test
    void refusesInFrenchAListAskedWrongOrByAStranger() {
        String centre = "centre-" + UUID.randomUUID();
        String manager = manager(centre);
        Bilan bilan = newBilan(centre, "consultant-" + UUID.randomUUID());
        tell(bilan, BilanOutcome.COMPLETED, 4);
        Bilan second = newBilan(centre, "consultant-" + UUID.randomUUID());
        tell(second, BilanOutcome.COMPLETED, 4);

        assertThat(FieldErrors.fieldsOf(() -> as(manager).listFollowUps(ListFollowUpsRequest.newBuilder()
                .addStates(FollowUpState.FOLLOW_UP_STATE_UNSPECIFIED).setPageSize(-1).build())))
                .containsExactly("centreId", "states", "page_size");
        String token = as(manager).listFollowUps(list(centre).setPageSize(1).build()).getNextPageToken();
        assertThat(token).isNotEmpty();
        // a token is bound to its filters
        assertThat(FieldErrors.fieldsOf(() -> as(manager).listFollowUps(list(centre).addStates(FollowUpState.HELD)
                .setPageToken(token).build()))).containsExactly("page_token");
        assertThat(FieldErrors.fieldsOf(() -> as(manager).listFollowUps(list(centre).setPageToken("forged").build())))
                .containsExactly("page_token");
        // at most 200 a page
        assertThat(as(manager).listFollowUps(list(centre).setPageSize(5000).build()).getFollowUpsCount()).isEqualTo(2);

        for (String stranger : List.of(manager(CENTRE), consultant(newBilan()), beneficiary(bilan),
                TestIdentityProvider.token("auditor-1", List.of(centre), "auditor"))) {
            assertThat(codeOf(() -> as(stranger).listFollowUps(list(centre).build())))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    private static ListFollowUpsRequest.Builder list(String centre) {
        return ListFollowUpsRequest.newBuilder().setCentreId(centre);
    }


    private static void assertFailedPrecondition(Runnable call, String frenchStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, refusal -> {
            assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refusal.getStatus().getDescription()).startsWith(frenchStart);
        });
    }
}
