package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.EmployerPlanFunding;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.CreateAssessmentRequest;
import fr.bilan.proto.session.v1.DeliveryFormat;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAttendanceReportRequest;
import fr.bilan.proto.session.v1.ListAssessmentsRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.MarkAbsentRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ReassignConsultantRequest;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SessionStatus;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.proto.session.v1.Signer;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceContext;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class AssessmentLifecycleGrpcTest extends SessionServiceTestSupport {

    @Autowired
    private AssessmentRepository repository;

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private static Assessment move(String token, Assessment bilan, AssessmentState state, String reason) {
        return assessments(token).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId()).setState(state)
                .setReason(reason).build()).getAssessment();
    }

    private static Session book(String consultantId, Assessment bilan, Phase phase, String localStart) {
        return book(consultantId, bilan, phase, localStart, "salle-" + consultantId);
    }

    private static Session book(String consultantId, Assessment bilan, Phase phase, String localStart, Duration length) {
        return assessments(consultant(consultantId)).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSession(session(phase, localStart, length, "salle-" + consultantId))
                .build()).getSession();
    }

    private static Session book(String consultantId, Assessment bilan, Phase phase, String localStart, String room) {
        return assessments(consultant(consultantId)).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSession(session(phase, localStart, TWO_HOURS, room)).build())
                .getSession();
    }

    /** Both sign, once the session has started. */
    private Session attend(String consultantId, Beneficiary beneficiary, Assessment bilan, Session session) {
        clock.set(ProtoTime.toInstant(session.getStartTime()).plus(Duration.ofMinutes(30)));
        assessments(beneficiaryLogin(beneficiary)).signAttendance(SignAttendanceRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(session.getId()).setMethod(SignatureMethod.IN_APP_SIGNATURE)
                .build());
        return assessments(consultant(consultantId)).signAttendance(SignAttendanceRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(session.getId()).setMethod(SignatureMethod.IN_APP_SIGNATURE)
                .build()).getSession();
    }

    private static Funding confirmedEmployerFunding(Beneficiary beneficiary, String siret) {
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId()).setBeneficiaryId(beneficiary.getId())
                .setState(FundingState.CONFIRMED).setEmployerPlan(EmployerPlanFunding.newBuilder()
                        .setEmployer(fr.bilan.proto.beneficiary.v1.Employer.newBuilder().setSiret(siret)))
                .build();
        FakeBeneficiaryService.register(funding);
        return funding;
    }

    @Test
    void opensAtTheIntakeInterviewWithTheCallingConsultantAssignedAndTheAccessRecorded() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);

        Assessment bilan = openBilan(consultant, beneficiary);

        assertThat(bilan.getState()).isEqualTo(AssessmentState.INTAKE_INTERVIEW);
        assertThat(bilan.getCentreId()).isEqualTo(CENTRE);
        assertThat(bilan.getConsultantId()).isEqualTo(consultant);
        assertThat(bilan.getAssignmentsList()).singleElement()
                .satisfies(assignment -> assertThat(assignment.getAssignedBy()).isEqualTo(consultant));
        assertThat(bilan.getHours().getRemaining().getSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(database.getCollection(AccessRecords.COLLECTION).find(Filters.eq("actor", consultant))
                .into(new ArrayList<>())).anySatisfy(record -> {
                    assertThat(record.getString("operation")).isEqualTo("assessment.create");
                    assertThat(record.getString("beneficiaryId")).isEqualTo(beneficiary.getId());
                });
    }

    @Test
    void aManagerOpensItForAnotherConsultantWhoIsThenAssignedInBeneficiaryServiceWithTheManagersToken() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary("someone-else");

        Assessment bilan = assessments(manager()).createAssessment(CreateAssessmentRequest.newBuilder()
                .setAssessment(Assessment.newBuilder().setBeneficiaryId(beneficiary.getId()).setConsultantId(consultant)
                        .setFormat(DeliveryFormat.REMOTE)).build()).getAssessment();

        assertThat(bilan.getConsultantId()).isEqualTo(consultant);
        assertThat(FakeBeneficiaryService.assignments())
                .contains(new FakeBeneficiaryService.Assignment(beneficiary.getId(), consultant, "manager-lyon"));
    }

    @Test
    void whatBeneficiaryServiceRefusesIsRefusedHereToo() {
        String elsewhere = TestIdentityProvider.token("consultant-paris", List.of("centre-paris"), "consultant");
        Beneficiary lyon = newBeneficiary("consultant-paris");
        var request = CreateAssessmentRequest.newBuilder().setAssessment(Assessment.newBuilder()
                .setBeneficiaryId(lyon.getId()).setFormat(DeliveryFormat.ON_SITE)).build();

        assertThat(codeOf(() -> assessments(elsewhere).createAssessment(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> assessments(manager()).createAssessment(request.toBuilder()
                .setAssessment(request.getAssessment().toBuilder().setBeneficiaryId("unknown").setConsultantId("c"))
                .build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void runsThePhasesInOrderAndEndsTheActionWithItsOutboxMarkerAndTheFollowUpOffered() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        String token = consultant(consultant);
        Funding funding = confirmedEmployerFunding(beneficiary, "12345678900011");
        // 15 hours of accompaniment, the centre's longest sessions (3 hours), two a week: above the 13-hour floor
        Session preliminary = book(consultant, bilan, Phase.PRELIMINARY_PHASE, "2026-11-24T14:00", THREE_HOURS);
        Session secondPreliminary = book(consultant, bilan, Phase.PRELIMINARY_PHASE, "2026-11-26T14:00", THREE_HOURS);
        Session investigation = book(consultant, bilan, Phase.INVESTIGATION_PHASE, "2026-11-30T14:00", THREE_HOURS);
        Session secondInvestigation = book(consultant, bilan, Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", THREE_HOURS);
        Session conclusion = book(consultant, bilan, Phase.CONCLUSION_PHASE, "2026-12-07T14:00", THREE_HOURS);
        Session later = book(consultant, bilan, Phase.CONCLUSION_PHASE, "2026-12-09T10:00");

        // funding first, then each phase after an attended session of the one before
        assertThat(codeOf(() -> move(token, bilan, AssessmentState.PRELIMINARY, ""))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assessments(token).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId()).build());
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        move(token, bilan, AssessmentState.PRELIMINARY, "");
        assertThat(codeOf(() -> move(token, bilan, AssessmentState.INVESTIGATION, ""))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(attend(consultant, beneficiary, bilan, preliminary).getStatus()).isEqualTo(SessionStatus.ATTENDED);
        attend(consultant, beneficiary, bilan, secondPreliminary);
        move(token, bilan, AssessmentState.INVESTIGATION, "");
        attend(consultant, beneficiary, bilan, investigation);
        attend(consultant, beneficiary, bilan, secondInvestigation);
        move(token, bilan, AssessmentState.CONCLUSION, "");
        attend(consultant, beneficiary, bilan, conclusion);
        // without the synthèse handed over, the conclusion ends only with a reason
        assertThat(codeOf(() -> move(token, bilan, AssessmentState.ACTION_ENDED, ""))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                        TestIdentityProvider.SERVICE_ROLE))).withDeadlineAfter(10, TimeUnit.SECONDS)
                .recordSynthesisHandover(RecordSynthesisHandoverRequest.newBuilder().setAssessmentId(bilan.getId())
                        .setHandoverTime(ProtoTime.of(clock.instant())).build());
        Instant end = clock.instant();
        Assessment ended = move(token, bilan, AssessmentState.ACTION_ENDED, "");

        assertThat(ended.getState()).isEqualTo(AssessmentState.ACTION_ENDED);
        assertThat(ended.getFundingId()).isEqualTo(funding.getId());
        assertThat(ProtoTime.toInstant(ended.getActionEndTime())).isEqualTo(end);
        assertThat(ProtoTime.toInstant(ended.getFollowUpDueTime())).isEqualTo(paris("2027-06-07T00:00"));
        assertThat(ended.getHours().getPhasesList()).filteredOn(hours -> hours.getPhase() == Phase.CONCLUSION_PHASE)
                .singleElement().satisfies(hours -> {
                    assertThat(hours.getAttended().getSeconds()).isEqualTo(THREE_HOURS.toSeconds());
                    assertThat(hours.getPlanned().getSeconds()).isZero();
                });
        Document marker = database.getCollection(AssessmentRepository.COLLECTION).find(Filters.eq("_id", bilan.getId()))
                .first().get("actionEnd", Document.class);
        assertThat(marker.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(marker.getBoolean("pending")).isTrue();
        assertThat(marker.getString("followUpDueDate")).isEqualTo("2027-06-07");
        // the session still planned is cancelled with the action, and its slot freed
        assertThat(assessments(token).listSessions(ListSessionsRequest.newBuilder().setAssessmentId(bilan.getId()).build())
                .getSessionsList()).filteredOn(session -> session.getId().equals(later.getId())).singleElement()
                .satisfies(session -> assertThat(session.getStatus()).isEqualTo(SessionStatus.CANCELLED));
        // moving again to where it is changes nothing: a retry
        assertThat(move(token, bilan, AssessmentState.ACTION_ENDED, "").getEtag()).isEqualTo(ended.getEtag());
    }

    @Test
    void thePreliminaryPhaseStartsOnlyWithTheBeneficiarysParticipationConsentInForce() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        String token = consultant(consultant);
        assessments(token).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED)
                .setFundingId(confirmedEmployerFunding(beneficiary, "12345678900011").getId()).build());

        var never = catchThrowableOfType(StatusRuntimeException.class,
                () -> move(token, bilan, AssessmentState.PRELIMINARY, ""));
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.WITHDRAWN);
        Status.Code withdrawn = codeOf(() -> move(token, bilan, AssessmentState.PRELIMINARY, ""));
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        Assessment started = move(token, bilan, AssessmentState.PRELIMINARY, "");

        assertThat(never.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(never.getStatus().getDescription()).isEqualTo("Le bilan ne peut entrer en phase préliminaire "
                + "qu'avec le consentement du bénéficiaire (Code du travail, L6313-1) : son consentement à la "
                + "participation au bilan n'est pas enregistré, ou il l'a retiré.");
        assertThat(withdrawn).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(started.getState()).isEqualTo(AssessmentState.PRELIMINARY);
    }

    @Test
    void aCentreManagerMovesABilanIntoThePreliminaryPhaseOnceTheBeneficiaryConsented() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        assessments(manager()).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED)
                .setFundingId(confirmedEmployerFunding(beneficiary, "12345678900011").getId()).build());

        Status.Code withoutConsent = codeOf(() -> move(manager(), bilan, AssessmentState.PRELIMINARY, ""));
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        Assessment started = move(manager(), bilan, AssessmentState.PRELIMINARY, "");

        // asked with the manager's own token: beneficiary-service answers a manager of the beneficiary's centre
        assertThat(withoutConsent).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(started.getState()).isEqualTo(AssessmentState.PRELIMINARY);
    }

    @Test
    void aBilanPaidByTheProvidersOwnCompanyNeverGetsItsFundingAgreed() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        // another establishment of the same company as the provider: same SIREN
        Funding funding = confirmedEmployerFunding(beneficiary, SessionServiceContext.PROVIDER_SIRET.substring(0, 9) + "00027");

        var refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder()
                        .setId(bilan.getId()).setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId())
                        .build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("R6313-5");
    }

    /** An agreement of {@code funding}, in {@code state}, with its signatures made at {@code signTimes}. */
    private static Agreement agreement(Funding funding, AgreementState state, Instant... signTimes) {
        var agreement = Agreement.newBuilder().setId("agreement-" + funding.getId()).setFundingId(funding.getId())
                .setBeneficiaryId(funding.getBeneficiaryId()).setState(state);
        AgreementParty[] parties = {AgreementParty.EMPLOYEE, AgreementParty.PROVIDER, AgreementParty.EMPLOYER_PARTY};
        for (int i = 0; i < signTimes.length; i++) {
            agreement.addSignatures(AgreementSignature.newBuilder().setParty(parties[i])
                    .setMethod(EvidenceMethod.IN_APP).setSignTime(ProtoTime.of(signTimes[i])));
        }
        Agreement registered = agreement.build();
        FakeBeneficiaryService.register(registered);
        return registered;
    }

    /** A bilan just opened by a new consultant for a new beneficiary, and its funding by Acme's plan, confirmed. */
    private record OpenedWithAcmePlan(String consultant, Beneficiary beneficiary, Assessment bilan, Funding funding) {
    }

    private static OpenedWithAcmePlan openWithAcmePlan() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId())
                .setBeneficiaryId(beneficiary.getId()).setState(FundingState.CONFIRMED)
                .setEmployerPlan(EmployerPlanFunding.newBuilder()
                        .setEmployer(fr.bilan.proto.beneficiary.v1.Employer.newBuilder().setName("Acme Industrie")
                                .setSiret("73282932000074")))
                .setAgreementId("agreement-funding-" + beneficiary.getId()).build();
        FakeBeneficiaryService.register(funding);
        return new OpenedWithAcmePlan(consultant, beneficiary, openBilan(consultant, beneficiary), funding);
    }

    private static void agreeFunding(String token, Assessment bilan, Funding funding) {
        assessments(token).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId()).build());
    }

    /**
     * The move to « financement accordé » keeps how the bilan is paid for, as the caller reads it in
     * beneficiary-service: the funding's type, the employer paying, and when its agreement came into force
     * (its last signature, whatever the order they are listed in); the bilan's document holds them, and
     * later changes keep them.
     */
    @Test
    void theFundingAgreedIsKeptWithItsFunderAndWhenItsAgreementCameIntoForce() {
        OpenedWithAcmePlan opened = openWithAcmePlan();
        Assessment bilan = opened.bilan();
        agreement(opened.funding(), AgreementState.IN_FORCE, paris("2026-11-16T10:00"), paris("2026-11-20T17:45"),
                paris("2026-11-18T09:00"));

        agreeFunding(manager(), bilan, opened.funding());
        move(manager(), bilan, AssessmentState.WITHDRAWN, "Reprise d'emploi.");

        FundingTerms expected = new FundingTerms("EMPLOYER_PLAN", new FundingTerms.Funder(
                FundingTerms.FunderKind.EMPLOYER, "Acme Industrie", "73282932000074"), paris("2026-11-20T17:45"));
        assertThat(repository.find(bilan.getId()).orElseThrow().fundingTerms()).isEqualTo(expected);
        Document stored = database.getCollection(AssessmentRepository.COLLECTION).find(Filters.eq("_id", bilan.getId()))
                .first().get("fundingTerms", Document.class);
        assertThat(stored.getString("kind")).isEqualTo("EMPLOYER_PLAN");
        assertThat(stored.get("funder", Document.class)).isEqualTo(new Document("kind", "EMPLOYER")
                .append("name", "Acme Industrie").append("siret", "73282932000074"));
        assertThat(stored.getDate("agreementSignTime").toInstant()).isEqualTo(paris("2026-11-20T17:45"));
    }

    @Test
    void anAgreementNotYetInForceGivesNoDayAndABilanStoredBeforeTheTermsWereKeptHasNone() {
        OpenedWithAcmePlan opened = openWithAcmePlan();
        Assessment bilan = opened.bilan();
        agreement(opened.funding(), AgreementState.SIGNED_BY_EMPLOYEE, paris("2026-11-16T10:00"));

        agreeFunding(consultant(opened.consultant()), bilan, opened.funding());

        assertThat(repository.find(bilan.getId()).orElseThrow().fundingTerms()).satisfies(terms -> {
            assertThat(terms.funder().name()).isEqualTo("Acme Industrie");
            assertThat(terms.agreementSignTime()).isNull();
        });
        database.getCollection(AssessmentRepository.COLLECTION).updateOne(Filters.eq("_id", bilan.getId()),
                Updates.unset("fundingTerms"));
        assertThat(repository.find(bilan.getId()).orElseThrow().fundingTerms()).isNull();
    }

    /** The agreement is read as the caller: one who may not read the beneficiary there gets nothing agreed. */
    @Test
    void theAgreementIsReadWithTheCallersToken() {
        OpenedWithAcmePlan opened = openWithAcmePlan();
        agreement(opened.funding(), AgreementState.IN_FORCE, paris("2026-11-16T10:00"));
        // the beneficiary-service side no longer lets this consultant read the beneficiary
        FakeBeneficiaryService.register(opened.beneficiary().toBuilder().clearConsultantIds().build());

        assertThat(codeOf(() -> agreeFunding(consultant(opened.consultant()), opened.bilan(), opened.funding())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(repository.find(opened.bilan().getId()).orElseThrow()).satisfies(read -> {
            assertThat(read.state()).isEqualTo(fr.bilan.session.assessment.AssessmentState.INTAKE_INTERVIEW);
            assertThat(read.fundingTerms()).isNull();
        });
    }

    @Test
    void aSideExitNeedsAReasonAndOffersNoFollowUp() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String token = consultant(consultant);

        assertThat(codeOf(() -> move(token, bilan, AssessmentState.WITHDRAWN, " "))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        Assessment withdrawn = move(token, bilan, AssessmentState.WITHDRAWN, "Reprise d'emploi.");

        assertThat(withdrawn.getStateReason()).isEqualTo("Reprise d'emploi.");
        assertThat(withdrawn.hasFollowUpDueTime()).isFalse();
        Document marker = database.getCollection(AssessmentRepository.COLLECTION).find(Filters.eq("_id", bilan.getId()))
                .first().get("actionEnd", Document.class);
        assertThat(marker.getString("outcome")).isEqualTo("WITHDRAWN");
        assertThat(codeOf(() -> book(consultant, bilan, Phase.PRELIMINARY_PHASE, "2026-11-30T10:00")))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void onlyTheBeneficiaryAndTheSessionsConsultantSignAndAnAbsenceUsesNoHours() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        Session intake = book(consultant, bilan, Phase.INTAKE, "2026-11-25T10:00");
        Session another = book(consultant, bilan, Phase.INTAKE, "2026-11-27T10:00");
        clock.set(paris("2026-11-25T10:15"));
        var signing = SignAttendanceRequest.newBuilder().setAssessmentId(bilan.getId()).setSessionId(intake.getId())
                .setMethod(SignatureMethod.IN_APP_SIGNATURE).build();

        assertThat(codeOf(() -> assessments(manager()).signAttendance(signing))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> assessments(consultant(newConsultantId())).signAttendance(signing)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // a consultant records the beneficiary's signature only from a paper sheet
        assertThat(codeOf(() -> assessments(consultant(consultant)).signAttendance(signing.toBuilder()
                .setSigner(Signer.BENEFICIARY_SIGNER).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        Session paper = assessments(consultant(consultant)).signAttendance(signing.toBuilder()
                .setSigner(Signer.BENEFICIARY_SIGNER).setMethod(SignatureMethod.PAPER_SHEET).build()).getSession();
        assertThat(paper.getSignaturesList()).singleElement().satisfies(signature -> {
            assertThat(signature.getSigner()).isEqualTo(Signer.BENEFICIARY_SIGNER);
            assertThat(signature.getMethod()).isEqualTo(SignatureMethod.PAPER_SHEET);
            assertThat(ProtoTime.toInstant(signature.getSignTime())).isEqualTo(paris("2026-11-25T10:15"));
        });
        // the other session has not started: nobody signs it yet
        assertThat(codeOf(() -> assessments(beneficiaryLogin(beneficiary)).signAttendance(signing.toBuilder()
                .setSessionId(another.getId()).build()))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        clock.set(paris("2026-11-27T10:20"));
        Session absent = assessments(consultant(consultant)).markAbsent(MarkAbsentRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(another.getId()).build()).getSession();

        assertThat(absent.getStatus()).isEqualTo(SessionStatus.ABSENT);
        assertThat(assessments(consultant(consultant)).getAssessment(GetAssessmentRequest.newBuilder()
                .setId(bilan.getId()).build()).getAssessment().getHours().getPhases(0).getPlanned().getSeconds())
                .isEqualTo(TWO_HOURS.toSeconds());
    }

    @Test
    void auditorsReadHoursAndAttendanceOnlyAndConsultantsTheirOwnBilans() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        book(consultant, bilan, Phase.INTAKE, "2026-11-25T10:00");

        var report = assessments(auditor()).getAttendanceReport(GetAttendanceReportRequest.newBuilder()
                .setAssessmentId(bilan.getId()).build()).getReport();

        assertThat(report.getSessionsList()).singleElement()
                .satisfies(line -> assertThat(line.getStatus()).isEqualTo(SessionStatus.PLANNED));
        StatusRuntimeException auditorReading = catchThrowableOfType(StatusRuntimeException.class,
                () -> assessments(auditor()).getAssessment(GetAssessmentRequest.newBuilder().setId(bilan.getId()).build()));
        assertThat(auditorReading.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        // the contract's role check refuses in French too: retention-service passes it on to the person
        assertThat(auditorReading.getStatus().getDescription()).isEqualTo("Votre rôle ne permet pas cette opération.");
        assertThat(codeOf(() -> assessments(consultant(newConsultantId())).getAssessment(GetAssessmentRequest
                .newBuilder().setId(bilan.getId()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(assessments(beneficiaryLogin(beneficiary)).getAssessment(GetAssessmentRequest.newBuilder()
                .setId(bilan.getId()).build()).getAssessment().getId()).isEqualTo(bilan.getId());
        assertThat(assessments(consultant(consultant)).listAssessments(ListAssessmentsRequest.getDefaultInstance())
                .getAssessmentsList()).extracting(Assessment::getId).containsExactly(bilan.getId());
        assertThat(assessments(beneficiaryLogin(beneficiary)).listAssessments(ListAssessmentsRequest.getDefaultInstance())
                .getAssessmentsList()).extracting(Assessment::getId).containsExactly(bilan.getId());
    }

    @Test
    void reassigningKeepsTheHistoryAndMovesThePlannedSessionsToTheNewConsultant() {
        String first = newConsultantId();
        String second = newConsultantId();
        Assessment bilan = openBilan(first);
        book(first, bilan, Phase.INTAKE, "2026-11-25T10:00");

        Assessment reassigned = assessments(manager()).reassignConsultant(ReassignConsultantRequest.newBuilder()
                .setId(bilan.getId()).setConsultantId(second).build()).getAssessment();

        assertThat(reassigned.getConsultantId()).isEqualTo(second);
        assertThat(reassigned.getAssignmentsList()).hasSize(2);
        assertThat(reassigned.getAssignments(0).hasEndTime()).isTrue();
        assertThat(assessments(consultant(second)).listSessions(ListSessionsRequest.newBuilder()
                .setAssessmentId(bilan.getId()).build()).getSessions(0).getConsultantId()).isEqualTo(second);
        // the first consultant's slot is free again, the second one's taken (each in a room of its own)
        assertThat(book(first, openBilan(first), Phase.INTAKE, "2026-11-25T10:00", "autre-salle-" + first).getStatus())
                .isEqualTo(SessionStatus.PLANNED);
        assertThat(codeOf(() -> book(second, openBilan(second), Phase.INTAKE, "2026-11-25T10:30", "autre-salle-" + second)))
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(codeOf(() -> assessments(consultant(first)).getAssessment(GetAssessmentRequest.newBuilder()
                .setId(bilan.getId()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
