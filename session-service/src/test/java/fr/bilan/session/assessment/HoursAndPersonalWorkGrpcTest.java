package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.type.Date;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.EmployerPlanFunding;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.AttendanceReport;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAttendanceReportRequest;
import fr.bilan.proto.session.v1.HourSummary;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.PersonalWork;
import fr.bilan.proto.session.v1.PersonalWorkKind;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.PhaseHours;
import fr.bilan.proto.session.v1.ProposePlanRequest;
import fr.bilan.proto.session.v1.RecordPersonalWorkRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The 2026 hour rules through the contract: the 13-hour floor to end a bilan as completed, the
 * hour summary between floor and cap, and the beneficiary's personal work, recorded apart, stored
 * with the bilan and listed apart in the attendance report.
 */
class HoursAndPersonalWorkGrpcTest extends SessionServiceTestSupport {

    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.toSeconds()).build();
    }

    private static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    private static PersonalWork.Builder work(Phase phase, PersonalWorkKind kind, Date date, Duration length) {
        return PersonalWork.newBuilder().setPhase(phase).setKind(kind).setDate(date).setDuration(duration(length));
    }

    private static PersonalWork record(String token, Assessment bilan, PersonalWork.Builder work, String requestId) {
        return assessments(token).recordPersonalWork(RecordPersonalWorkRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setPersonalWork(work).setRequestId(requestId).build()).getPersonalWork();
    }

    private static Assessment read(Assessment bilan) {
        return assessments(manager()).getAssessment(GetAssessmentRequest.newBuilder().setId(bilan.getId()).build())
                .getAssessment();
    }

    private static Assessment move(String token, Assessment bilan, AssessmentState state, String reason) {
        return assessments(token).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId()).setState(state)
                .setReason(reason).build()).getAssessment();
    }

    private static Session book(String consultant, Assessment bilan, Phase phase, String localStart, Duration length) {
        return SessionServiceTestSupport.book(consultant, bilan, session(phase, localStart, length, "salle-" + consultant));
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    /** Both sign, once the session has started. */
    private void attend(String consultant, Beneficiary beneficiary, Assessment bilan, Session session) {
        clock.set(ProtoTime.toInstant(session.getStartTime()).plus(Duration.ofMinutes(30)));
        for (String token : List.of(beneficiaryLogin(beneficiary), consultant(consultant))) {
            assessments(token).signAttendance(SignAttendanceRequest.newBuilder().setAssessmentId(bilan.getId())
                    .setSessionId(session.getId()).setMethod(SignatureMethod.IN_APP_SIGNATURE).build());
        }
    }

    /** A bilan opened, funded, consented to and in its préliminaire. */
    private static Assessment inPreliminaryPhase(String consultant, Beneficiary beneficiary) {
        Assessment opened = openBilan(consultant, beneficiary);
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId()).setBeneficiaryId(beneficiary.getId())
                .setState(FundingState.CONFIRMED).setEmployerPlan(EmployerPlanFunding.newBuilder()
                        .setEmployer(fr.bilan.proto.beneficiary.v1.Employer.newBuilder().setSiret("12345678900011")))
                .build();
        FakeBeneficiaryService.register(funding);
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(opened.getId())
                .setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId()).build());
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        return move(consultant(consultant), opened, AssessmentState.PRELIMINARY, "");
    }

    /**
     * A bilan in its conclusion phase, the synthèse handed over, with 12 h 59 of accompaniment
     * delivered (the centre's longest sessions are 3 hours, two a week).
     */
    private Assessment concludedAtTwelveHoursFiftyNine(String consultant, Beneficiary beneficiary) {
        Assessment bilan = inPreliminaryPhase(consultant, beneficiary);
        String token = consultant(consultant);
        List<Session> preliminary = List.of(book(consultant, bilan, Phase.PRELIMINARY_PHASE, "2026-11-24T14:00", THREE_HOURS),
                book(consultant, bilan, Phase.PRELIMINARY_PHASE, "2026-11-26T14:00", THREE_HOURS));
        List<Session> investigation = List.of(
                book(consultant, bilan, Phase.INVESTIGATION_PHASE, "2026-11-30T14:00", THREE_HOURS),
                book(consultant, bilan, Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", THREE_HOURS));
        Session conclusion = book(consultant, bilan, Phase.CONCLUSION_PHASE, "2026-12-07T10:00", Duration.ofMinutes(59));
        for (Session session : preliminary) {
            attend(consultant, beneficiary, bilan, session);
        }
        move(token, bilan, AssessmentState.INVESTIGATION, "");
        for (Session session : investigation) {
            attend(consultant, beneficiary, bilan, session);
        }
        move(token, bilan, AssessmentState.CONCLUSION, "");
        attend(consultant, beneficiary, bilan, conclusion);
        fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                        TestIdentityProvider.SERVICE_ROLE))).withDeadlineAfter(10, TimeUnit.SECONDS)
                .recordSynthesisHandover(RecordSynthesisHandoverRequest.newBuilder().setAssessmentId(bilan.getId())
                        .setHandoverTime(ProtoTime.of(clock.instant())).build());
        return read(bilan);
    }

    @Test
    void aBilanEndsAsCompletedOnlyFromThirteenHoursOfAccompanimentRefusedInFrenchWithNothingWritten() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment concluded = concludedAtTwelveHoursFiftyNine(consultant, beneficiary);
        String token = consultant(consultant);
        // personal work does not make up for the missing minute
        record(token, concluded, work(Phase.CONCLUSION_PHASE, PersonalWorkKind.PROFESSIONAL_SURVEY, date(2026, 12, 7),
                Duration.ofHours(40)), "survey");
        Assessment before = read(concluded);

        var refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> move(token, concluded, AssessmentState.ACTION_ENDED, ""));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).isEqualTo("Un bilan de compétences compte au moins 13 heures "
                + "d'accompagnement effectif (Code du travail, R6313-4, modifié par le décret de février 2026) : 12 h 59 "
                + "d'accompagnement ont été effectuées (séances des phases préliminaire, d'investigation et de conclusion "
                + "auxquelles le bénéficiaire a assisté), il en manque 0 h 01 pour terminer l'action. L'entretien "
                + "préalable, les séances manquées et le travail personnel du bénéficiaire n'en font pas partie ; le "
                + "retrait, l'abandon ou l'interruption restent possibles.");
        assertThat(read(concluded)).isEqualTo(before);
        assertThat(database.getCollection(AssessmentRepository.COLLECTION).find(Filters.eq("_id", concluded.getId()))
                .first().get("actionEnd")).isNull();
        HourSummary hours = before.getHours();
        assertThat(hours.getDelivered().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(12 * 60 + 59)));
        assertThat(hours.getMissingToFloor().getSeconds()).isEqualTo(60);
        assertThat(hours.getFloor().getSeconds()).isEqualTo(seconds(Duration.ofHours(13)));
        assertThat(hours.getCap().getSeconds()).isEqualTo(seconds(Duration.ofHours(24)));
        assertThat(hours.getPersonalWork().getSeconds()).isEqualTo(seconds(Duration.ofHours(40)));
        assertThat(hours.getUsed().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(12 * 60 + 59)));

        // half an hour more of conclusion, attended: 13 h 29, the action ends
        Session more = book(consultant, concluded, Phase.CONCLUSION_PHASE, "2026-12-09T10:00", Duration.ofMinutes(30));
        attend(consultant, beneficiary, concluded, more);
        Assessment ended = move(token, concluded, AssessmentState.ACTION_ENDED, "");

        assertThat(ended.getState()).isEqualTo(AssessmentState.ACTION_ENDED);
        assertThat(ended.getHours().getDelivered().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(13 * 60 + 29)));
        assertThat(ended.getHours().getMissingToFloor().getSeconds()).isZero();
    }

    @Test
    void aSideExitStaysOpenBelowThirteenHours() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment concluded = concludedAtTwelveHoursFiftyNine(consultant, beneficiary);

        Assessment withdrawn = move(consultant(consultant), concluded, AssessmentState.WITHDRAWN,
                "Le bénéficiaire a retrouvé un emploi");

        assertThat(withdrawn.getState()).isEqualTo(AssessmentState.WITHDRAWN);
        assertThat(withdrawn.getHours().getDelivered().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(12 * 60 + 59)));
    }

    @Test
    void theConsultantAndTheBeneficiaryRecordPersonalWorkApartFromTheHoursStoredWithTheBilan() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = inPreliminaryPhase(consultant, beneficiary);

        PersonalWork research = record(consultant(consultant), bilan, work(Phase.PRELIMINARY_PHASE,
                PersonalWorkKind.DOCUMENTARY_RESEARCH, date(2026, 11, 23), Duration.ofMinutes(150)), "research");
        PersonalWork retried = record(consultant(consultant), bilan, work(Phase.PRELIMINARY_PHASE,
                PersonalWorkKind.DOCUMENTARY_RESEARCH, date(2026, 11, 23), Duration.ofMinutes(150)), "research");
        PersonalWork survey = record(beneficiaryLogin(beneficiary), bilan, work(Phase.PRELIMINARY_PHASE,
                PersonalWorkKind.PROFESSIONAL_SURVEY, date(2026, 11, 23), Duration.ofHours(1)), "survey");
        Assessment read = read(bilan);

        assertThat(research.getId()).isNotEmpty();
        assertThat(research.getRecordedBy()).isEqualTo(consultant);
        assertThat(ProtoTime.toInstant(research.getRecordTime())).isEqualTo(NOW);
        assertThat(research.getDuration().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(150)));
        assertThat(retried).isEqualTo(research);
        assertThat(survey.getRecordedBy()).isEqualTo(beneficiary.getAccountId());
        // read back from the store, in the order recorded
        assertThat(read.getPersonalWorkList()).containsExactly(research, survey);
        assertThat(database.getCollection(AssessmentRepository.COLLECTION).find(Filters.eq("_id", bilan.getId()))
                .first().getList("personalWork", Document.class)).hasSize(2);
        HourSummary hours = read.getHours();
        assertThat(hours.getPersonalWork().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(210)));
        assertThat(hours.getPhasesList()).filteredOn(phase -> phase.getPhase() == Phase.PRELIMINARY_PHASE)
                .singleElement().extracting(PhaseHours::getPersonalWork).extracting(com.google.protobuf.Duration::getSeconds)
                .isEqualTo(seconds(Duration.ofMinutes(210)));
        // not accompaniment: no hour of the cap or the floor moves
        assertThat(hours.getUsed().getSeconds()).isZero();
        assertThat(hours.getRemaining().getSeconds()).isEqualTo(seconds(Duration.ofHours(24)));
        assertThat(hours.getDelivered().getSeconds()).isZero();
        assertThat(hours.getMissingToFloor().getSeconds()).isEqualTo(seconds(Duration.ofHours(13)));

        AttendanceReport report = assessments(auditor()).getAttendanceReport(GetAttendanceReportRequest.newBuilder()
                .setAssessmentId(bilan.getId()).build()).getReport();

        assertThat(report.getSessionsList()).isEmpty();
        assertThat(report.getPersonalWorkList()).extracting(line -> line.getKind(), line -> line.getDuration().getSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PersonalWorkKind.DOCUMENTARY_RESEARCH, 9000L),
                        org.assertj.core.groups.Tuple.tuple(PersonalWorkKind.PROFESSIONAL_SURVEY, 3600L));
        assertThat(report.getPersonalWorkNote()).isEqualTo("Travail personnel du bénéficiaire (recherches documentaires, "
                + "enquêtes auprès de professionnels) : ce n'est pas de l'accompagnement ; il ne compte ni dans les 24 "
                + "heures du bilan ni dans ses 13 heures d'accompagnement effectif, et le CPF ne le finance pas (Code du "
                + "travail, D6323-6).");
        assertThat(report.getHours().getPersonalWork().getSeconds()).isEqualTo(seconds(Duration.ofMinutes(210)));
    }

    @Test
    void personalWorkIsRefusedToOthersAndForBadInputInFrenchNamingTheFieldWithNothingWritten() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = inPreliminaryPhase(consultant, beneficiary);
        String token = consultant(consultant);
        PersonalWork.Builder good = work(Phase.PRELIMINARY_PHASE, PersonalWorkKind.DOCUMENTARY_RESEARCH,
                date(2026, 11, 23), Duration.ofHours(1));
        Assessment before = read(bilan);

        assertThat(codeOf(() -> record(manager(), bilan, good, "m"))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> record(consultant(newConsultantId()), bilan, good, "o")))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(FieldErrors.of(() -> record(token, bilan, PersonalWork.newBuilder().setPhase(Phase.INTAKE)
                .setDuration(duration(Duration.ofMinutes(10))), "bad"))).containsExactlyInAnyOrder(
                        "personal_work.phase: Indiquez la phase du bilan où ce travail a été fait : préliminaire, "
                                + "investigation ou conclusion.",
                        "personal_work.kind: Indiquez le type de travail personnel : recherche documentaire, enquête "
                                + "auprès de professionnels ou autre.",
                        "personal_work.date: Indiquez le jour où ce travail a été fait.",
                        "personal_work.duration: Indiquez la durée du travail personnel en minutes entières, de 15 "
                                + "minutes à 40 heures.");
        assertThat(FieldErrors.of(() -> record(token, bilan, good.clone().setDate(date(2026, 2, 30))
                .setDuration(duration(Duration.ofHours(40).plusMinutes(1))), "bad"))).containsExactlyInAnyOrder(
                        "personal_work.date: Date invalide : indiquez l'année, le mois et le jour d'une date qui existe.",
                        "personal_work.duration: Indiquez la durée du travail personnel en minutes entières, de 15 "
                                + "minutes à 40 heures.");
        var tomorrow = catchThrowableOfType(StatusRuntimeException.class,
                () -> record(token, bilan, good.clone().setDate(date(2026, 11, 24)), "tomorrow"));
        var notReached = catchThrowableOfType(StatusRuntimeException.class,
                () -> record(token, bilan, good.clone().setPhase(Phase.INVESTIGATION_PHASE), "later"));

        assertThat(tomorrow.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(tomorrow.getStatus().getDescription()).isEqualTo("Le travail personnel se note une fois fait, entre "
                + "l'ouverture du bilan (le lundi 23/11/2026) et aujourd'hui (le lundi 23/11/2026).");
        assertThat(notReached.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(notReached.getStatus().getDescription()).isEqualTo("Ce bilan est au stade « phase préliminaire » : "
                + "le travail personnel du bénéficiaire se note pendant l'action, dans une phase déjà commencée ; la "
                + "phase d'investigation n'a pas commencé.");
        assertThat(read(bilan)).isEqualTo(before);
        assertThat(before.getPersonalWorkList()).isEmpty();
    }

    @Test
    void aPlanBelowThirteenHoursIsRefusedNamingTheLengthOfItsSessions() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);

        assertThat(FieldErrors.of(() -> assessments(consultant(consultant)).proposePlan(ProposePlanRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionDuration(duration(Duration.ofMinutes(90))).build())))
                .containsExactly("session_duration: Un bilan de compétences compte au moins 13 heures d'accompagnement "
                        + "effectif (Code du travail, R6313-4, modifié par le décret de février 2026) : avec ses 8 "
                        + "séances, ce plan en prévoit 12 h en tout (séances déjà prévues ou effectuées comprises) ; des "
                        + "séances d'au moins 1 h 38 l'atteignent.");
        assertThat(assessments(consultant(consultant)).proposePlan(ProposePlanRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionDuration(duration(Duration.ofMinutes(98))).build())
                .getSessionsCount()).isEqualTo(8);
    }
}
