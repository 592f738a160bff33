package fr.bilan.session.qualityfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;

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

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.RedeploymentLeaveFunding;
import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.FactPhase;
import fr.bilan.proto.quality.internal.v1.FunderRef;
import fr.bilan.proto.quality.internal.v1.PhaseHours;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.CancelSessionRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.FakeQualityIntake;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.BindableService;
import io.grpc.Status;

/**
 * The bilan facts' relay, from the service's own RPCs to quality-service's intake ({@link FakeQualityIntake},
 * which keeps the intake's contract, served on the test's port where the {@code quality} channel points):
 * the whole facts under the bilan's version, as the service itself; redelivered after a lost
 * acknowledgement without being applied twice; and the newest facts once quality-service is back.
 */
@DirtiesContext
@Import(BilanFactsRelayTest.QualityIntakeOnThisPort.class)
class BilanFactsRelayTest extends SessionServiceTestSupport {

    private static final FakeQualityIntake QUALITY = FakeQualityIntake.unstarted();
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @TestConfiguration
    static class QualityIntakeOnThisPort {

        @Bean
        BindableService fakeQualityIntake() {
            return QUALITY.service();
        }
    }

    @Autowired
    private ServiceToken serviceToken;

    @DynamicPropertySource
    static void relayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channel.quality.target", () -> "127.0.0.1:" + GRPC_PORT);
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("bilan.outbox.poll-interval", () -> "50ms");
        registry.add("bilan.outbox.initial-backoff", () -> "100ms");
        registry.add("bilan.outbox.max-backoff", () -> "400ms");
    }

    @BeforeEach
    void fetchTheServiceToken() {
        await().atMost(AT_MOST).ignoreExceptions().until(() -> !serviceToken.accessToken().isEmpty());
    }

    @AfterEach
    void healQualityService() {
        QUALITY.heal();
    }

    private Document stored(String assessmentId) {
        return database.getCollection("assessments").find(Filters.eq("_id", assessmentId)).first();
    }

    private boolean delivered(String assessmentId) {
        Document marker = stored(assessmentId).get("bilanFacts", Document.class);
        return marker != null && !marker.containsKey("pending") && marker.getDate("deliveredTime") != null;
    }

    private void awaitDelivered(String assessmentId) {
        await().atMost(AT_MOST).until(() -> delivered(assessmentId));
    }

    private RecordBilanFactsRequest kept(String assessmentId) {
        return QUALITY.kept(assessmentId).orElseThrow();
    }

    private static void move(String consultant, Assessment bilan, AssessmentState state, String reason) {
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(state).setReason(reason).build());
    }

    @Test
    void eachChangeTellsTheWholeFactsUnderTheBilansVersionAsTheServiceItself() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        // opened: no fact yet
        assertThat(stored(bilan.getId())).doesNotContainKey("bilanFacts");

        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS, "salle-" + consultant));
        awaitDelivered(bilan.getId());

        RecordBilanFactsRequest planned = kept(bilan.getId());
        assertThat(planned.getRevision()).isEqualTo(stored(bilan.getId()).getLong("version"));
        assertThat(planned.getFacts().getOutcome()).isEqualTo(BilanOutcome.IN_PROGRESS);
        assertThat(planned.getFacts().getCentreId()).isEqualTo(CENTRE);
        assertThat(planned.getFacts().getBeneficiaryId()).isEqualTo(bilan.getBeneficiaryId());
        assertThat(planned.getFacts().getConsultantId()).isEqualTo(consultant);
        assertThat(planned.getFacts().getPhasesList()).containsExactly(PhaseHours.newBuilder()
                .setPhase(FactPhase.PRELIMINARY).setPlannedMinutes(120).setSessionsPlanned(1).build());

        // withdrawn just after midnight in Paris: the centre's day is the one told
        clock.set(paris("2026-11-25T00:30"));
        move(consultant, bilan, AssessmentState.WITHDRAWN, "Reprise d'emploi.");
        awaitDelivered(bilan.getId());

        RecordBilanFactsRequest ended = kept(bilan.getId());
        assertThat(ended.getRevision()).isGreaterThan(planned.getRevision())
                .isEqualTo(stored(bilan.getId()).getLong("version"));
        assertThat(ended.getFacts().getOutcome()).isEqualTo(BilanOutcome.WITHDRAWN);
        assertThat(ended.getFacts().getEndDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 11, 25)));
        // its planned session was cancelled with the end: nothing planned is left
        assertThat(ended.getFacts().getPhasesList()).isEmpty();
        assertThat(ended.getFacts().hasFollowUpDueDate()).isFalse();
        assertThat(QUALITY.callsAbout(bilan.getId())).extracting(FakeQualityIntake.Call::answer)
                .containsOnly(Status.Code.OK);
        assertThat(QUALITY.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    /**
     * The funding agreed is told with its kind, its funder and the centre's day its agreement came into
     * force (its last signature at 00:15 in Paris, still the day before in UTC: the day told is the centre's).
     */
    @Test
    void theFundingAgreedTellsItsKindItsFunderAndTheDayItsAgreementCameIntoForce() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId())
                .setBeneficiaryId(beneficiary.getId()).setState(FundingState.CONFIRMED)
                .setRedeploymentLeave(RedeploymentLeaveFunding.newBuilder().setEmployer(Employer.newBuilder()
                        .setName("Textiles du Nord").setSiret("55210055400013")))
                .setAgreementId("agreement-" + beneficiary.getId()).build();
        FakeBeneficiaryService.register(funding);
        FakeBeneficiaryService.register(Agreement.newBuilder().setId(funding.getAgreementId())
                .setFundingId(funding.getId()).setBeneficiaryId(beneficiary.getId()).setState(AgreementState.IN_FORCE)
                .addSignatures(AgreementSignature.newBuilder().setParty(AgreementParty.EMPLOYEE)
                        .setSignTime(ProtoTime.of(paris("2026-11-19T10:00"))))
                .addSignatures(AgreementSignature.newBuilder().setParty(AgreementParty.EMPLOYER_PARTY)
                        .setSignTime(ProtoTime.of(paris("2026-11-20T00:15"))))
                .build());

        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId()).build());
        awaitDelivered(bilan.getId());

        var told = kept(bilan.getId()).getFacts();
        assertThat(told.getFundingKind()).isEqualTo("REDEPLOYMENT_LEAVE");
        assertThat(told.getFunder()).isEqualTo(FunderRef.newBuilder().setKind(FunderKind.FUNDER_EMPLOYER)
                .setName("Textiles du Nord").setSiret("55210055400013").build());
        assertThat(told.getAgreementSignDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 11, 20)));
        assertThat(told.hasFollowUpSessionTime()).isFalse();
        assertThat(FakeQualityIntake.violations(kept(bilan.getId())).isEmpty()).isTrue();
    }

    @Test
    void aLostAcknowledgementIsDeliveredAgainAndAppliedOnce() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        QUALITY.loseNextAcknowledgement();

        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS, "salle-" + consultant));
        // the retry waits its backoff on the service's clock
        clock.reset();
        awaitDelivered(bilan.getId());

        var calls = QUALITY.callsAbout(bilan.getId());
        assertThat(calls).extracting(FakeQualityIntake.Call::answer).containsExactly(Status.Code.UNAVAILABLE,
                Status.Code.OK);
        assertThat(calls).extracting(FakeQualityIntake.Call::applied).containsExactly(true, false);
        assertThat(calls.get(1).request()).isEqualTo(calls.get(0).request());
        assertThat(stored(bilan.getId()).get("bilanFacts", Document.class).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void whileQualityServiceIsDownTheChangesSucceedAndTheNewestFactsGoOnceBack() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        QUALITY.failNext(Integer.MAX_VALUE);

        Session first = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-30T10:00", TWO_HOURS,
                "salle-" + consultant));
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-12-02T10:00", TWO_HOURS, "salle-" + consultant));
        assessments(consultant(consultant)).cancelSession(CancelSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(first.getId()).setReason("Empêchement.").build());
        clock.reset();
        await().atMost(AT_MOST).until(() -> stored(bilan.getId()).get("bilanFacts", Document.class)
                .getInteger("attempts", 0) >= 2);
        assertThat(QUALITY.kept(bilan.getId())).isEmpty();

        QUALITY.heal();
        awaitDelivered(bilan.getId());

        assertThat(QUALITY.callsAbout(bilan.getId())).filteredOn(call -> call.answer() == Status.Code.OK).hasSize(1);
        RecordBilanFactsRequest kept = kept(bilan.getId());
        assertThat(kept.getRevision()).isEqualTo(stored(bilan.getId()).getLong("version"));
        assertThat(kept.getFacts().getPhasesList()).containsExactly(PhaseHours.newBuilder()
                .setPhase(FactPhase.PRELIMINARY).setPlannedMinutes(120).setSessionsPlanned(1).build());
    }

    @Test
    void indexesTheDuePendingFactsAtStartUp() {
        assertThat(database.getCollection("assessments").listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>())).contains(new Document("bilanFacts.pending", 1)
                        .append("bilanFacts.nextAttemptTime", 1));
    }
}
