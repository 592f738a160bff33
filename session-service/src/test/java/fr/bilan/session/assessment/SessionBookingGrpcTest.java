package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.CancelSessionRequest;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.MarkAbsentRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.RescheduleSessionRequest;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SessionStatus;
import fr.bilan.proto.session.v1.SlotConflict;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class SessionBookingGrpcTest extends SessionServiceTestSupport {

    @Autowired
    private Reservations reservations;

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private static StatusRuntimeException refusal(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }

    @Test
    void booksASessionAndCountsItsHoursAsPlanned() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);

        Session booked = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, "salle-1"));

        assertThat(booked.getStatus()).isEqualTo(SessionStatus.PLANNED);
        assertThat(booked.getConsultantId()).isEqualTo(consultant);
        assertThat(ProtoTime.toInstant(booked.getStartTime())).isEqualTo(paris("2026-11-25T10:00"));
        var hours = assessments(consultant(consultant)).getAssessment(GetAssessmentRequest.newBuilder()
                .setId(bilan.getId()).build()).getAssessment().getHours();
        // the intake interview is planned but not counted against the 24 hours
        assertThat(hours.getPhases(0).getPlanned().getSeconds()).isEqualTo(TWO_HOURS.toSeconds());
        assertThat(hours.getRemaining().getSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
    }

    @Test
    void refusesWith409NamingTheSlotWhenTheConsultantIsTakenByAnotherBilan() {
        String consultant = newConsultantId();
        Assessment first = openBilan(consultant);
        Assessment second = openBilan(consultant);
        book(consultant, first, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, "salle-a-" + consultant));

        StatusRuntimeException refused = refusal(() -> book(consultant, second,
                session(Phase.INTAKE, "2026-11-25T10:30", TWO_HOURS, "salle-b-" + consultant)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("Le consultant a déjà une séance le mercredi 25/11/2026 de 10:00 à 12:00 (heure du centre) : "
                        + "choisissez un autre créneau.");
        SlotConflict conflict = FieldErrors.detail(refused, SlotConflict.class);
        assertThat(conflict.getResource()).isEqualTo("CONSULTANT");
        assertThat(ProtoTime.toInstant(conflict.getStartTime())).isEqualTo(paris("2026-11-25T10:00"));
        // nothing of the refused booking stays behind: its room is free at that time
        assertThat(book(consultant, second, session(Phase.INTAKE, "2026-11-25T14:00", TWO_HOURS,
                "salle-b-" + consultant)).getStatus()).isEqualTo(SessionStatus.PLANNED);
    }

    @Test
    void refusesARoomAlreadyTakenByAnotherConsultant() {
        String one = newConsultantId();
        String other = newConsultantId();
        String room = "salle-" + one;
        book(one, openBilan(one), session(Phase.INTAKE, "2026-11-26T09:00", TWO_HOURS, room));

        StatusRuntimeException refused = refusal(() -> book(other, openBilan(other),
                session(Phase.INTAKE, "2026-11-26T10:30", TWO_HOURS, room)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(refused.getStatus().getDescription()).startsWith("La salle a déjà une séance le jeudi 26/11/2026 de "
                + "09:00 à 11:00");
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstSession() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        var request = ScheduleSessionRequest.newBuilder().setAssessmentId(bilan.getId()).setRequestId("retry-1")
                .setSession(session(Phase.INTAKE, "2026-11-25T14:00", TWO_HOURS, "salle-" + consultant)).build();

        Session first = assessments(consultant(consultant)).scheduleSession(request).getSession();
        Session again = assessments(consultant(consultant)).scheduleSession(request).getSession();

        assertThat(again).isEqualTo(first);
        assertThat(assessments(consultant(consultant)).listSessions(ListSessionsRequest.newBuilder()
                .setAssessmentId(bilan.getId()).build()).getSessionsList()).hasSize(1);
    }

    @Test
    void movingOrCancellingASessionFreesItsSlot() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        Assessment other = openBilan(consultant);
        Session booked = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, "salle-" + consultant));

        Session moved = assessments(consultant(consultant)).rescheduleSession(RescheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(booked.getId())
                .setStartTime(ProtoTime.of(paris("2026-11-27T14:00"))).build()).getSession();
        Session inTheOldSlot = book(consultant, other, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS,
                "salle-" + consultant));
        assessments(consultant(consultant)).cancelSession(CancelSessionRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(booked.getId()).setReason("Le bénéficiaire est malade.").build());
        Session inTheMovedSlot = book(consultant, openBilan(consultant), session(Phase.INTAKE, "2026-11-27T14:00",
                TWO_HOURS, "salle-" + consultant));

        assertThat(ProtoTime.toInstant(moved.getStartTime())).isEqualTo(paris("2026-11-27T14:00"));
        assertThat(inTheOldSlot.getStatus()).isEqualTo(SessionStatus.PLANNED);
        assertThat(inTheMovedSlot.getStatus()).isEqualTo(SessionStatus.PLANNED);
    }

    @Test
    void refusesTheSessionThatWouldPassTheTwentyFourHoursWithTheHoursPerPhase() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        // eight sessions of 3 h, two a week from Monday 30 November: exactly 24 h
        String[] days = {"2026-11-30", "2026-12-02", "2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16",
                "2027-01-04", "2027-01-06"};
        Phase[] phases = {Phase.PRELIMINARY_PHASE, Phase.PRELIMINARY_PHASE, Phase.INVESTIGATION_PHASE,
                Phase.INVESTIGATION_PHASE, Phase.INVESTIGATION_PHASE, Phase.INVESTIGATION_PHASE,
                Phase.CONCLUSION_PHASE, Phase.CONCLUSION_PHASE};
        for (int i = 0; i < days.length; i++) {
            book(consultant, bilan, session(phases[i], days[i] + "T14:00", THREE_HOURS, room));
        }

        StatusRuntimeException refused = refusal(() -> book(consultant, bilan,
                session(Phase.CONCLUSION_PHASE, "2027-01-11T14:00", Duration.ofMinutes(30), room)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("24 heures", "phase préliminaire : 6 h",
                "phase d'investigation : 12 h", "phase de conclusion : 6 h", "il en reste 0 h");
    }

    @Test
    void refusesASessionOutsideTheCentresRulesOrBeforeAnEarlierPhaseEnds() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00", TWO_HOURS, room));
        book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", TWO_HOURS, room));

        StatusRuntimeException saturday = refusal(() -> book(consultant, bilan,
                session(Phase.PRELIMINARY_PHASE, "2026-11-28T10:00", TWO_HOURS, room)));
        StatusRuntimeException afterInvestigation = refusal(() -> book(consultant, bilan,
                session(Phase.PRELIMINARY_PHASE, "2026-12-04T10:00", TWO_HOURS, room)));

        assertThat(saturday.getStatus().getDescription()).contains("le centre n'est pas ouvert");
        assertThat(afterInvestigation.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(afterInvestigation.getStatus().getDescription()).contains("doit se terminer avant celle de la "
                + "phase d'investigation du 02/12/2026 à 14:00");
    }

    @Test
    void aSessionOfALaterPhaseIsRefusedBeforeThePlannedSessionOfTheEarlierOneNamingBoth() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-12-10T14:00", TWO_HOURS, room));

        StatusRuntimeException refused = refusal(() -> book(consultant, bilan,
                session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", TWO_HOURS, room)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).isEqualTo("Une séance de la phase d'investigation ne peut pas "
                + "commencer avant la fin de celle de la phase préliminaire du 10/12/2026 à 14:00 : les phases se "
                + "suivent dans l'ordre (Code du travail, R6313-4).");
    }

    @Test
    void aSessionOfALaterPhaseWaitsForASessionOfEachEarlierPhaseOfTheBilan() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;

        StatusRuntimeException first = refusal(() -> book(consultant, bilan,
                session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", TWO_HOURS, room)));
        assertThat(sessionsOf(consultant, bilan)).isEmpty();
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00", TWO_HOURS, room));
        StatusRuntimeException conclusion = refusal(() -> book(consultant, bilan,
                session(Phase.CONCLUSION_PHASE, "2026-12-02T14:00", TWO_HOURS, room)));
        // planning ahead in time order stays open, from the intake interview on
        Session investigation = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00",
                TWO_HOURS, room));
        Session concluded = book(consultant, bilan, session(Phase.CONCLUSION_PHASE, "2026-12-09T14:00", TWO_HOURS, room));

        assertThat(first.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(first.getStatus().getDescription()).isEqualTo("Une séance de la phase d'investigation vient après "
                + "au moins une séance de la phase préliminaire : planifiez d'abord une séance de la phase préliminaire "
                + "avant le 02/12/2026 à 14:00 ; les phases se suivent dans l'ordre (Code du travail, R6313-4).");
        assertThat(conclusion.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(conclusion.getStatus().getDescription()).contains("séance de la phase de conclusion",
                "planifiez d'abord une séance de la phase d'investigation");
        assertThat(List.of(investigation.getStatus(), concluded.getStatus())).containsOnly(SessionStatus.PLANNED);
    }

    @Test
    void theIntakeInterviewComesBeforeThePreliminaryPhase() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        book(consultant, bilan, session(Phase.INTAKE, "2026-12-04T10:00", TWO_HOURS, room));

        StatusRuntimeException refused = refusal(() -> book(consultant, bilan,
                session(Phase.PRELIMINARY_PHASE, "2026-12-02T10:00", TWO_HOURS, room)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).startsWith("Une séance de la phase préliminaire ne peut pas "
                + "commencer avant la fin de celle de l'entretien préalable du 04/12/2026 à 10:00");
    }

    @Test
    void aMoveKeepsThePhasesInOrder() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        Session preliminary = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00", TWO_HOURS,
                room));
        Session investigation = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00",
                TWO_HOURS, room));

        StatusRuntimeException earlier = refusal(() -> move(consultant, bilan, investigation, "2026-11-23T15:00"));
        StatusRuntimeException later = refusal(() -> move(consultant, bilan, preliminary, "2026-12-04T14:00"));

        assertThat(earlier.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(earlier.getStatus().getDescription()).contains("ne peut pas commencer avant la fin de celle de la "
                + "phase préliminaire du 25/11/2026 à 14:00");
        assertThat(later.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(later.getStatus().getDescription()).contains("doit se terminer avant celle de la phase "
                + "d'investigation du 02/12/2026 à 14:00");
    }

    @Test
    void aCancelledSessionIsNotTheSessionOfItsPhase() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String room = "salle-" + consultant;
        Session preliminary = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00", TWO_HOURS,
                room));
        Session investigation = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00",
                TWO_HOURS, room));
        assessments(consultant(consultant)).cancelSession(CancelSessionRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(preliminary.getId()).setReason("Le bénéficiaire est malade.").build());

        StatusRuntimeException another = refusal(() -> book(consultant, bilan,
                session(Phase.INVESTIGATION_PHASE, "2026-12-09T14:00", TWO_HOURS, room)));
        StatusRuntimeException moved = refusal(() -> move(consultant, bilan, investigation, "2026-12-04T14:00"));
        // a new session of the préliminaire before it opens the way again
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-27T14:00", TWO_HOURS, room));
        Session booked = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-09T14:00", TWO_HOURS, room));

        assertThat(List.of(another.getStatus().getCode(), moved.getStatus().getCode()))
                .containsOnly(Status.Code.FAILED_PRECONDITION);
        assertThat(another.getStatus().getDescription()).contains("planifiez d'abord une séance de la phase préliminaire");
        assertThat(moved.getStatus().getDescription()).contains("planifiez d'abord une séance de la phase préliminaire");
        assertThat(booked.getStatus()).isEqualTo(SessionStatus.PLANNED);
    }

    @Test
    void aMissedSessionIsNotTheSessionOfItsPhase() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        String room = "salle-" + consultant;
        startThePreliminaryPhase(consultant, beneficiary, bilan);
        Session missed = book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-25T10:00", TWO_HOURS, room));
        clock.set(paris("2026-11-25T10:20"));
        assessments(consultant(consultant)).markAbsent(MarkAbsentRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSessionId(missed.getId()).build());

        StatusRuntimeException refused = refusal(() -> book(consultant, bilan,
                session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", TWO_HOURS, room)));
        // in the préliminaire, its next session and the investigation after it are planned ahead
        book(consultant, bilan, session(Phase.PRELIMINARY_PHASE, "2026-11-27T14:00", TWO_HOURS, room));
        Session ahead = book(consultant, bilan, session(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00", TWO_HOURS, room));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("planifiez d'abord une séance de la phase préliminaire");
        assertThat(ahead.getStatus()).isEqualTo(SessionStatus.PLANNED);
    }

    /** Funding agreed and the beneficiary's consent recorded in beneficiary-service: the bilan enters the préliminaire. */
    private static void startThePreliminaryPhase(String consultant, Beneficiary beneficiary, Assessment bilan) {
        Funding funding = Funding.newBuilder().setId("funding-" + beneficiary.getId()).setBeneficiaryId(beneficiary.getId())
                .setState(FundingState.CONFIRMED).setSelfFunded(SelfFunding.getDefaultInstance()).build();
        FakeBeneficiaryService.register(funding);
        FakeBeneficiaryService.recordConsent(beneficiary.getId(), ConsentKind.PARTICIPATION, ConsentDecision.GRANTED);
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.FUNDING_AGREED).setFundingId(funding.getId()).build());
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.PRELIMINARY).build());
    }

    private static Session move(String consultant, Assessment bilan, Session session, String localStart) {
        return assessments(consultant(consultant)).rescheduleSession(RescheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSessionId(session.getId())
                .setStartTime(ProtoTime.of(paris(localStart))).build()).getSession();
    }

    private static List<Session> sessionsOf(String consultant, Assessment bilan) {
        return assessments(consultant(consultant)).listSessions(ListSessionsRequest.newBuilder()
                .setAssessmentId(bilan.getId()).build()).getSessionsList();
    }

    @Test
    void bookingsRacingForOneConsultantLetExactlyOneWin() throws Exception {
        String consultant = newConsultantId();
        List<Assessment> bilans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bilans.add(openBilan(consultant));
        }
        ExecutorService pool = Executors.newFixedThreadPool(bilans.size());
        try {
            List<Future<Status.Code>> outcomes = new ArrayList<>();
            for (int i = 0; i < bilans.size(); i++) {
                Assessment bilan = bilans.get(i);
                // the same slot for six bilans of one consultant, each in a room of its own
                Session.Builder wanted = session(Phase.INTAKE, "2026-12-03T10:00", Duration.ofMinutes(90),
                        "salle-" + i + "-" + consultant);
                Callable<Status.Code> attempt = () -> codeOf(() -> book(consultant, bilan, wanted));
                outcomes.add(pool.submit(attempt));
            }
            List<Status.Code> codes = new ArrayList<>();
            for (Future<Status.Code> outcome : outcomes) {
                codes.add(outcome.get());
            }
            long stored = bilans.stream().mapToLong(bilan -> assessments(consultant(consultant))
                    .listSessions(ListSessionsRequest.newBuilder().setAssessmentId(bilan.getId()).build())
                    .getSessionsCount()).sum();

            assertThat(codes).containsOnlyOnce(Status.Code.OK);
            assertThat(codes.stream().filter(code -> code == Status.Code.ALREADY_EXISTS)).hasSize(5);
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHoldLeftByABookingThatNeverReachedItsBilanIsClearedOnceItsGraceIsOver() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        Slot wanted = new Slot(paris("2026-11-26T14:00"), TWO_HOURS);
        // as a booking that crashed between its holds and its bilan would leave them
        reservations.reserve(new Hold(Resource.consultant(consultant), "lost-bilan", "lost-session", wanted),
                NOW.minus(Reservations.ORPHAN_GRACE).minusSeconds(1), hold -> true);
        reservations.reserve(new Hold(Resource.consultant(consultant), "lost-bilan", "recent-session",
                new Slot(paris("2026-11-27T14:00"), TWO_HOURS)), NOW, hold -> true);

        Session booked = book(consultant, bilan, session(Phase.INTAKE, "2026-11-26T14:00", TWO_HOURS,
                "salle-" + consultant));
        Status.Code recent = codeOf(() -> book(consultant, bilan, session(Phase.INTAKE, "2026-11-27T14:00", TWO_HOURS,
                "salle-" + consultant)));

        assertThat(booked.getStatus()).isEqualTo(SessionStatus.PLANNED);
        // one still within its grace may be a booking in flight: it stands
        assertThat(recent).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reservations.held(Resource.consultant(consultant), paris("2026-11-26T00:00"),
                paris("2026-11-28T00:00"))).extracting(Hold::sessionId).containsExactly(booked.getId(), "recent-session");
    }

    @Test
    void refusesAPlaceThatIsNeitherARoomNorAnHttpsLink() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);

        assertThat(FieldErrors.fieldsOf(() -> book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00",
                TWO_HOURS, "").clearPlace().setVideoLink("http://visio.example.fr/abc")))).containsExactly("session.video_link");
    }
}
