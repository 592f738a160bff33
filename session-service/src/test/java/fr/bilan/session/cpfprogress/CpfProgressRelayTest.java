package fr.bilan.session.cpfprogress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.EmployerPlanFunding;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.CreateAssessmentRequest;
import fr.bilan.proto.session.v1.DeliveryFormat;
import fr.bilan.proto.session.v1.MarkAbsentRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.FakeCpfTracking;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.BindableService;
import io.grpc.Status;

/**
 * The CPF progress relay, from the service's own RPCs to beneficiary-service's CPF tracking
 * ({@link FakeCpfTracking}, served where beneficiary-service is, on the {@code beneficiary}
 * channel): what a funded bilan tells its dossier, once each; what survives a beneficiary-service
 * that fails or hangs; and that the RPCs do not wait for it.
 */
@DirtiesContext
@Import(CpfProgressRelayTest.CpfTrackingBesideBeneficiaryService.class)
class CpfProgressRelayTest extends SessionServiceTestSupport {

    private static final FakeCpfTracking CPF = FakeCpfTracking.unstarted();
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    /** The relay's deadline per call: what an RPC waiting for beneficiary-service would take. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    /** beneficiary-service's CPF tracking beside its other stand-ins, on the port the beneficiary channel targets. */
    @TestConfiguration
    static class CpfTrackingBesideBeneficiaryService {

        @Bean
        BindableService fakeCpfTracking() {
            return CPF.service();
        }
    }

    @Autowired
    private ServiceToken serviceToken;

    @DynamicPropertySource
    static void relayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("bilan.outbox.poll-interval", () -> "50ms");
        registry.add("bilan.outbox.initial-backoff", () -> "100ms");
        registry.add("bilan.outbox.max-backoff", () -> "400ms");
        registry.add("bilan.outbox.call-timeout", () -> CALL_TIMEOUT.toMillis() + "ms");
    }

    @BeforeEach
    void fetchTheServiceToken() {
        // the first fetch takes seconds on a cold JVM: the tests expect beneficiary-service's answers
        await().atMost(AT_MOST).ignoreExceptions().until(() -> !serviceToken.accessToken().isEmpty());
    }

    @AfterEach
    void healBeneficiaryService() {
        CPF.heal();
    }

    /** A bilan funded by its beneficiary's employer, its participation consented, in the preliminary phase. */
    private record Funded(String consultant, Beneficiary beneficiary, Assessment bilan, String fundingId) {
    }

    private Funded fundedInPreliminaryPhase() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId()).setBeneficiaryId(beneficiary.getId())
                .setState(FundingState.CONFIRMED).setEmployerPlan(EmployerPlanFunding.newBuilder()
                        .setEmployer(Employer.newBuilder().setSiret("12345678900011")))
                .build();
        FakeBeneficiaryService.register(funding);
        // funded from its opening: the intake interview has its funding too, and still tells nothing
        Assessment bilan = assessments(consultant(consultant)).createAssessment(CreateAssessmentRequest.newBuilder()
                .setAssessment(Assessment.newBuilder().setBeneficiaryId(beneficiary.getId()).setFundingId(funding.getId())
                        .setFormat(DeliveryFormat.HYBRID))
                .build()).getAssessment();
        Session intake = book(consultant, bilan, session(Phase.INTAKE, "2026-11-24T10:00", TWO_HOURS, room(consultant)));
        attend(consultant, beneficiary, bilan, intake);
        move(consultant, bilan, AssessmentState.FUNDING_AGREED, "");
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        move(consultant, bilan, AssessmentState.PRELIMINARY, "");
        return new Funded(consultant, beneficiary, bilan, funding.getId());
    }

    private static String room(String consultant) {
        return "salle-" + consultant;
    }

    private static void move(String consultant, Assessment bilan, AssessmentState state, String reason) {
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(state).setReason(reason).build());
    }

    /** Both sign, once the session has started. */
    private void attend(String consultant, Beneficiary beneficiary, Assessment bilan, Session session) {
        clock.set(ProtoTime.toInstant(session.getStartTime()).plus(Duration.ofMinutes(30)));
        for (String token : List.of(beneficiaryLogin(beneficiary), consultant(consultant))) {
            assessments(token).signAttendance(SignAttendanceRequest.newBuilder().setAssessmentId(bilan.getId())
                    .setSessionId(session.getId()).setMethod(SignatureMethod.IN_APP_SIGNATURE).build());
        }
    }

    private Document markerOf(String assessmentId) {
        return database.getCollection("assessments").find(Filters.eq("_id", assessmentId)).first()
                .get("cpfProgress", Document.class);
    }

    private boolean delivered(String assessmentId) {
        Document marker = markerOf(assessmentId);
        return marker != null && !marker.containsKey("pending") && marker.getDate("deliveredTime") != null;
    }

    private void awaitDelivered(String assessmentId) {
        await().atMost(AT_MOST).until(() -> delivered(assessmentId));
    }

    private static List<RecordBilanProgressRequest> told(Assessment bilan) {
        return CPF.takenInAbout(bilan.getId());
    }

    @Test
    void theFirstAttendedSessionOfTheActionTellsTheDossierOnceAsTheServiceItself() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        // the intake interview was attended: not the action's start
        assertThat(markerOf(bilan.getId())).isNull();

        Session first = book(funded.consultant(), bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T18:00",
                Duration.ofMinutes(30), room(funded.consultant())));
        Session second = book(funded.consultant(), bilan, session(Phase.PRELIMINARY_PHASE, "2026-12-02T10:00",
                TWO_HOURS, room(funded.consultant())));
        attend(funded.consultant(), funded.beneficiary(), bilan, first);
        awaitDelivered(bilan.getId());
        attend(funded.consultant(), funded.beneficiary(), bilan, second);

        assertThat(told(bilan)).singleElement().satisfies(started -> {
            assertThat(started.getEventId()).isEqualTo("cpf-progress/" + bilan.getId() + "/started");
            assertThat(started.getAssessmentId()).isEqualTo(bilan.getId());
            assertThat(started.getFundingId()).isEqualTo(funded.fundingId());
            assertThat(started.getStarted().getFirstSessionDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 11, 30)));
        });
        // the second attended session made no new fact: the marker stays delivered
        assertThat(delivered(bilan.getId())).isTrue();
        assertThat(CPF.callsAbout(bilan.getId())).extracting(FakeCpfTracking.Call::answer).containsExactly(Status.Code.OK);
        assertThat(CPF.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    @Test
    void theEndTellsTheDeliveredHoursOfTheActionAndTheAbsencesInTheCentresDays() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        String consultant = funded.consultant();
        Session preliminary = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                room(consultant)));
        Session missed = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T10:00", TWO_HOURS,
                room(consultant)));
        Session investigation = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-07T14:00",
                Duration.ofMinutes(150), room(consultant)));
        attend(consultant, funded.beneficiary(), bilan, preliminary);
        move(consultant, bilan, AssessmentState.INVESTIGATION, "");
        clock.set(paris("2026-12-02T12:30"));
        assessments(consultant(consultant)).markAbsent(MarkAbsentRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(missed.getId()).build());
        attend(consultant, funded.beneficiary(), bilan, investigation);
        // ended just after midnight in Paris, still the 7th in UTC: the centre's day is the one told
        clock.set(paris("2026-12-08T00:30"));
        move(consultant, bilan, AssessmentState.ABANDONED, "Le bénéficiaire ne donne plus de nouvelles.");
        awaitDelivered(bilan.getId());

        List<RecordBilanProgressRequest> told = told(bilan);
        assertThat(told).extracting(RecordBilanProgressRequest::getEventId).containsExactly(
                "cpf-progress/" + bilan.getId() + "/started", "cpf-progress/" + bilan.getId() + "/ended");
        var ended = told.get(1).getEnded();
        assertThat(ended.getEndDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 12, 8)));
        assertThat(ended.getOutcome()).isEqualTo(BilanOutcome.ABANDONED);
        assertThat(ended.getDelivered().getSeconds()).isEqualTo(Duration.ofMinutes(120 + 150).toSeconds());
        assertThat(ended.getAbsences()).isEqualTo(1);
        assertThat(told.get(1).getFundingId()).isEqualTo(funded.fundingId());
    }

    @Test
    void aLostAcknowledgementIsDeliveredAgainUnderTheSameEventIdAndTakenInOnce() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        Session first = book(funded.consultant(), bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                room(funded.consultant())));
        CPF.loseNextAcknowledgement();

        attend(funded.consultant(), funded.beneficiary(), bilan, first);
        clock.reset();
        awaitDelivered(bilan.getId());

        List<FakeCpfTracking.Call> calls = CPF.callsAbout(bilan.getId());
        assertThat(calls).extracting(FakeCpfTracking.Call::answer).containsExactly(Status.Code.UNAVAILABLE, Status.Code.OK);
        assertThat(calls).extracting(FakeCpfTracking.Call::firstDelivery).containsExactly(true, false);
        assertThat(calls.get(1).request()).isEqualTo(calls.get(0).request());
        assertThat(told(bilan)).hasSize(1);
        assertThat(markerOf(bilan.getId()).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void whileBeneficiaryServiceIsDownTheChangeSucceedsAndItsFactGoesOnceBack() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        Session first = book(funded.consultant(), bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                room(funded.consultant())));
        CPF.failNext(Integer.MAX_VALUE);

        attend(funded.consultant(), funded.beneficiary(), bilan, first);

        clock.reset();
        await().atMost(AT_MOST).until(() -> markerOf(bilan.getId()).getInteger("attempts") >= 3);
        assertThat(markerOf(bilan.getId())).containsEntry("pending", true).containsEntry("lastStatus", "UNAVAILABLE");
        assertThat(told(bilan)).isEmpty();

        CPF.heal();
        awaitDelivered(bilan.getId());

        assertThat(told(bilan)).extracting(RecordBilanProgressRequest::getEventId)
                .containsExactly("cpf-progress/" + bilan.getId() + "/started");
        assertThat(CPF.callsAbout(bilan.getId())).filteredOn(call -> call.answer() == Status.Code.OK).hasSize(1);
    }

    @Test
    void theRpcsDoNotWaitForABeneficiaryServiceThatHangs() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        String consultant = funded.consultant();
        Session first = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                room(consultant)));
        Session second = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-12-02T10:00", TWO_HOURS,
                room(consultant)));
        CPF.hang();
        attend(consultant, funded.beneficiary(), bilan, first);
        // the relay is stuck in a call to beneficiary-service until its deadline
        await().atMost(AT_MOST).until(() -> !CPF.callsAbout(bilan.getId()).isEmpty());
        Instant hangStart = Instant.now();

        List<Duration> took = new ArrayList<>();
        took.add(timed(() -> attend(consultant, funded.beneficiary(), bilan, second)));
        took.add(timed(() -> move(consultant, bilan, AssessmentState.WITHDRAWN, "Reprise d'emploi.")));
        Duration during = Duration.between(hangStart, Instant.now());

        System.out.printf("Session RPCs while beneficiary-service's CPF tracking hangs: %s (relay deadline %s)%n", took,
                CALL_TIMEOUT);
        // waiting for the hanging call would take its whole deadline, each
        assertThat(during).isLessThan(CALL_TIMEOUT);
        assertThat(took).allSatisfy(duration -> assertThat(duration).isLessThan(CALL_TIMEOUT.dividedBy(5)));
        assertThat(markerOf(bilan.getId())).containsEntry("pending", true);

        CPF.heal();
        clock.reset();
        awaitDelivered(bilan.getId());
        assertThat(told(bilan)).extracting(request -> request.getProgressCase().name())
                .containsExactly("STARTED", "ENDED");
        assertThat(told(bilan).get(1).getEnded().getOutcome()).isEqualTo(BilanOutcome.WITHDRAWN);
        assertThat(told(bilan).get(1).getEnded().getDelivered().getSeconds()).isEqualTo(2 * TWO_HOURS.toSeconds());
    }

    @Test
    void theFactsGoWithTheEvidenceThreeYearsOn() {
        Funded funded = fundedInPreliminaryPhase();
        Assessment bilan = funded.bilan();
        Session first = book(funded.consultant(), bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                room(funded.consultant())));
        attend(funded.consultant(), funded.beneficiary(), bilan, first);
        move(funded.consultant(), bilan, AssessmentState.WITHDRAWN, "Reprise d'emploi.");
        awaitDelivered(bilan.getId());
        assertThat(markerOf(bilan.getId())).containsKeys("started", "ended");
        clock.set(Instant.parse("2029-12-03T02:00:00Z"));

        DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .eraseAssessmentContent(EraseAssessmentContentRequest.newBuilder().setAssessmentId(bilan.getId()).build());

        // the delivery's trace stays, nothing of how the bilan ran: its first session's day, its hours
        assertThat(markerOf(bilan.getId())).doesNotContainKeys("started", "ended", "pending")
                .containsKey("deliveredTime");
        assertThat(told(bilan)).hasSize(2);
    }

    @Test
    void indexesTheDuePendingFactsAtStartUp() {
        assertThat(database.getCollection("assessments").listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>())).contains(new Document("cpfProgress.pending", 1)
                        .append("cpfProgress.nextAttemptTime", 1));
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
