package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.google.type.DayOfWeek;
import com.google.type.TimeOfDay;

import fr.bilan.proto.session.v1.AcceptPlanRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.ConsultantAvailability;
import fr.bilan.proto.session.v1.ConsultantServiceGrpc;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.LocalHours;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ProposePlanRequest;
import fr.bilan.proto.session.v1.ProposeSlotsRequest;
import fr.bilan.proto.session.v1.ProposedSession;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.UpdateConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.WeeklyHours;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class SessionPlanningGrpcTest extends SessionServiceTestSupport {

    private static final com.google.protobuf.Duration TWO_HOURS = com.google.protobuf.Duration.newBuilder()
            .setSeconds(Duration.ofHours(2).toSeconds()).build();

    private static ConsultantServiceGrpc.ConsultantServiceBlockingStub consultants(String token) {
        return ConsultantServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static LocalHours hours(int from, int to) {
        return LocalHours.newBuilder().setStartTime(TimeOfDay.newBuilder().setHours(from))
                .setEndTime(TimeOfDay.newBuilder().setHours(to)).build();
    }

    /** Mornings 9 to 12, Monday to Friday; away all of Tuesday 24 November. */
    private static ConsultantAvailability mornings(String consultant) {
        var availability = ConsultantAvailability.newBuilder().setConsultantId(consultant);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            availability.addWeeklyHours(WeeklyHours.newBuilder().setDay(day).addHours(hours(9, 12)));
        }
        return availability.addAbsences(fr.bilan.proto.session.v1.Absence.newBuilder()
                .setStartTime(ProtoTime.of(paris("2026-11-24T00:00"))).setEndTime(ProtoTime.of(paris("2026-11-25T00:00")))
                .setLabel("congés")).build();
    }

    private static List<ProposedSession> propose(String consultant, Assessment bilan, int count) {
        return assessments(consultant(consultant)).proposeSlots(ProposeSlotsRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setPhase(Phase.INTAKE).setDuration(TWO_HOURS).setCount(count).build())
                .getSlotsList();
    }

    @Test
    void proposesFreeSlotsWithinTheConsultantsHoursThatCanBeBooked() {
        String consultant = newConsultantId();
        consultants(consultant(consultant)).updateConsultantAvailability(UpdateConsultantAvailabilityRequest.newBuilder()
                .setAvailability(mornings(consultant)).build());
        Assessment bilan = openBilan(consultant);

        List<ProposedSession> slots = propose(consultant, bilan, 3);

        // today from 09:15 (after now, on the quarter), then not Tuesday (away), then Wednesday morning
        assertThat(slots).extracting(slot -> ProtoTime.toInstant(slot.getStartTime()))
                .first().isEqualTo(paris("2026-11-23T09:15"));
        assertThat(slots).allSatisfy(slot -> {
            Instant start = ProtoTime.toInstant(slot.getStartTime());
            assertThat(start.isBefore(paris("2026-11-24T00:00")) || !start.isBefore(paris("2026-11-25T00:00"))).isTrue();
        });
        Session booked = assessments(consultant(consultant)).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSession(Session.newBuilder().setPhase(Phase.INTAKE)
                        .setStartTime(slots.get(0).getStartTime()).setDuration(TWO_HOURS).setRoomId("salle-" + consultant))
                .build()).getSession();
        assertThat(booked.getStartTime()).isEqualTo(slots.get(0).getStartTime());
        // the slot now taken is not proposed again
        assertThat(propose(consultant, openBilan(consultant), 3)).extracting(ProposedSession::getStartTime)
                .doesNotContain(booked.getStartTime());
    }

    @Test
    void refusesABookingWhenTheConsultantIsAwayAndSaysWhy() {
        String consultant = newConsultantId();
        consultants(consultant(consultant)).updateConsultantAvailability(UpdateConsultantAvailabilityRequest.newBuilder()
                .setAvailability(mornings(consultant)).build());
        Assessment bilan = openBilan(consultant);

        var refused = codeAndDescription(() -> assessments(consultant(consultant)).scheduleSession(ScheduleSessionRequest
                .newBuilder().setAssessmentId(bilan.getId())
                .setSession(session(Phase.INTAKE, "2026-11-24T09:00", Duration.ofHours(2), "salle-" + consultant)).build()));

        assertThat(refused).isEqualTo(Status.Code.FAILED_PRECONDITION + ": Ce créneau ne convient pas : le consultant "
                + "n'est pas disponible le mardi 24/11/2026 de 09:00 à 11:00 (absence : congés).");
    }

    @Test
    void aWholePlanIsProposedInPhaseOrderAndAcceptedInOneCallAllOrNothing() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String token = consultant(consultant);

        List<ProposedSession> plan = assessments(token).proposePlan(ProposePlanRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setRoomId("salle-" + consultant).build()).getSessionsList();

        assertThat(plan).extracting(ProposedSession::getPhase).containsExactly(Phase.PRELIMINARY_PHASE,
                Phase.PRELIMINARY_PHASE, Phase.PRELIMINARY_PHASE, Phase.INVESTIGATION_PHASE, Phase.INVESTIGATION_PHASE,
                Phase.INVESTIGATION_PHASE, Phase.CONCLUSION_PHASE, Phase.CONCLUSION_PHASE);
        // another bilan takes the plan's last slot in the meantime: accepting books nothing
        Assessment other = openBilan(consultant);
        assessments(token).scheduleSession(ScheduleSessionRequest.newBuilder().setAssessmentId(other.getId())
                .setSession(Session.newBuilder().setPhase(Phase.INTAKE).setStartTime(plan.get(7).getStartTime())
                        .setDuration(TWO_HOURS).setRoomId("autre-" + consultant)).build());
        var accept = AcceptPlanRequest.newBuilder().setAssessmentId(bilan.getId()).addAllSessions(plan)
                .setRoomId("salle-" + consultant).setRequestId("plan-1").build();
        assertThat(codeOf(() -> assessments(token).acceptPlan(accept))).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(hoursPlanned(token, bilan)).isZero();

        List<ProposedSession> again = assessments(token).proposePlan(ProposePlanRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setRoomId("salle-" + consultant).build()).getSessionsList();
        var acceptAgain = accept.toBuilder().clearSessions().addAllSessions(again).setRequestId("plan-2").build();
        List<Session> booked = assessments(token).acceptPlan(acceptAgain).getSessionsList();
        List<Session> retried = assessments(token).acceptPlan(acceptAgain).getSessionsList();

        assertThat(booked).hasSize(8);
        assertThat(retried).isEqualTo(booked);
        assertThat(hoursPlanned(token, bilan)).isEqualTo(Duration.ofHours(16).toSeconds());
    }

    @Test
    void aPlanIsBookedInTimeOrderWhateverOrderItListsItsSessionsIn() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String token = consultant(consultant);
        var accept = AcceptPlanRequest.newBuilder().setAssessmentId(bilan.getId()).setRoomId("salle-" + consultant)
                .addSessions(proposed(Phase.CONCLUSION_PHASE, "2026-12-09T14:00"))
                .addSessions(proposed(Phase.INVESTIGATION_PHASE, "2026-12-02T14:00"))
                .addSessions(proposed(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00")).build();

        List<Session> booked = assessments(token).acceptPlan(accept).getSessionsList();

        assertThat(booked).extracting(Session::getPhase).containsExactly(Phase.CONCLUSION_PHASE,
                Phase.INVESTIGATION_PHASE, Phase.PRELIMINARY_PHASE);
        assertThat(hoursPlanned(token, bilan)).isEqualTo(Duration.ofHours(6).toSeconds());
    }

    @Test
    void aPlanOutOfTimeOrderOrSkippingAPhaseBooksNothingAndSaysWhy() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String token = consultant(consultant);
        var backwards = AcceptPlanRequest.newBuilder().setAssessmentId(bilan.getId()).setRoomId("salle-" + consultant)
                .addSessions(proposed(Phase.INVESTIGATION_PHASE, "2026-11-25T14:00"))
                .addSessions(proposed(Phase.PRELIMINARY_PHASE, "2026-12-02T14:00")).build();
        var withoutPreliminary = backwards.toBuilder().clearSessions()
                .addSessions(proposed(Phase.INVESTIGATION_PHASE, "2026-11-25T14:00"))
                .addSessions(proposed(Phase.CONCLUSION_PHASE, "2026-12-02T14:00")).build();

        var outOfOrder = codeAndDescription(() -> assessments(token).acceptPlan(backwards));
        var skipping = codeAndDescription(() -> assessments(token).acceptPlan(withoutPreliminary));

        assertThat(outOfOrder).startsWith(Status.Code.FAILED_PRECONDITION + ": Une séance de la phase d'investigation "
                + "vient après au moins une séance de la phase préliminaire");
        assertThat(skipping).isEqualTo(Status.Code.FAILED_PRECONDITION + ": Une séance de la phase d'investigation "
                + "vient après au moins une séance de la phase préliminaire : planifiez d'abord une séance de la phase "
                + "préliminaire avant le 25/11/2026 à 14:00 ; les phases se suivent dans l'ordre (Code du travail, "
                + "R6313-4).");
        assertThat(hoursPlanned(token, bilan)).isZero();
    }

    @Test
    void noSlotIsProposedForAPhaseBeforeEachEarlierPhaseHasASession() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        String token = consultant(consultant);
        var investigation = ProposeSlotsRequest.newBuilder().setAssessmentId(bilan.getId())
                .setPhase(Phase.INVESTIGATION_PHASE).setDuration(TWO_HOURS).setCount(3).build();

        var refused = codeAndDescription(() -> assessments(token).proposeSlots(investigation));
        assessments(token).scheduleSession(ScheduleSessionRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSession(session(Phase.PRELIMINARY_PHASE, "2026-11-25T14:00", Duration.ofHours(2), "salle-" + consultant))
                .build());
        List<ProposedSession> slots = assessments(token).proposeSlots(investigation).getSlotsList();

        assertThat(refused).isEqualTo(Status.Code.FAILED_PRECONDITION + ": Une séance de la phase d'investigation "
                + "vient après au moins une séance de la phase préliminaire : planifiez d'abord une séance de la phase "
                + "préliminaire ; les phases se suivent dans l'ordre (Code du travail, R6313-4).");
        assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(ProtoTime.toInstant(slot.getStartTime()))
                .isAfterOrEqualTo(paris("2026-11-25T16:00")));
        // each proposal can be booked
        assertThat(assessments(token).scheduleSession(ScheduleSessionRequest.newBuilder().setAssessmentId(bilan.getId())
                .setSession(Session.newBuilder().setPhase(Phase.INVESTIGATION_PHASE).setStartTime(slots.get(0)
                        .getStartTime()).setDuration(TWO_HOURS).setRoomId("salle-" + consultant)).build())
                .getSession().getPhase()).isEqualTo(Phase.INVESTIGATION_PHASE);
    }

    private static ProposedSession proposed(Phase phase, String localStart) {
        return ProposedSession.newBuilder().setPhase(phase).setStartTime(ProtoTime.of(paris(localStart)))
                .setDuration(TWO_HOURS).build();
    }

    @Test
    void refusesToLookForSlotsTooFarAheadNamingTheField() {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        com.google.protobuf.Timestamp endOfTime = ProtoTime.of(Instant.parse("9999-12-31T23:59:59Z"));

        assertThat(FieldErrors.fieldsOf(() -> assessments(consultant(consultant)).proposeSlots(ProposeSlotsRequest
                .newBuilder().setAssessmentId(bilan.getId()).setPhase(Phase.INTAKE).setDuration(TWO_HOURS)
                .setAfterTime(endOfTime).build()))).containsExactly("after_time");
        assertThat(FieldErrors.fieldsOf(() -> assessments(consultant(consultant)).proposePlan(ProposePlanRequest
                .newBuilder().setAssessmentId(bilan.getId()).setAfterTime(endOfTime).build()))).containsExactly("after_time");
        // within the horizon, proposals start after the time asked
        Instant inAYear = paris("2027-11-22T08:00");
        assertThat(assessments(consultant(consultant)).proposeSlots(ProposeSlotsRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setPhase(Phase.INTAKE).setDuration(TWO_HOURS)
                .setAfterTime(ProtoTime.of(inAYear)).setCount(1).build()).getSlotsList())
                .allSatisfy(slot -> assertThat(ProtoTime.toInstant(slot.getStartTime())).isAfter(inAYear));
    }

    @Test
    void availabilityIsTheConsultantsOwnOrTheirManagersAndIsCheckedFieldByField() {
        String consultant = newConsultantId();
        var update = UpdateConsultantAvailabilityRequest.newBuilder().setAvailability(mornings(consultant)).build();

        assertThat(codeOf(() -> consultants(consultant(newConsultantId())).updateConsultantAvailability(update)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // a manager plans for the consultants leading bilans in their centres
        assertThat(codeOf(() -> consultants(manager()).updateConsultantAvailability(update)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        openBilan(consultant);
        ConsultantAvailability stored = consultants(manager()).updateConsultantAvailability(update).getAvailability();
        assertThat(consultants(consultant(consultant)).getConsultantAvailability(GetConsultantAvailabilityRequest
                .newBuilder().setConsultantId(consultant).build()).getAvailability()).isEqualTo(stored);
        // a stale version is refused; overlapping hours are named by their field
        assertThat(codeOf(() -> consultants(consultant(consultant)).updateConsultantAvailability(update.toBuilder()
                .setAvailability(update.getAvailability().toBuilder().setEtag("0")).build())))
                .isEqualTo(Status.Code.ABORTED);
        assertThat(FieldErrors.fieldsOf(() -> consultants(consultant(consultant)).updateConsultantAvailability(update
                .toBuilder().setAvailability(update.getAvailability().toBuilder().setWeeklyHours(0, WeeklyHours
                        .newBuilder().setDay(DayOfWeek.MONDAY).addHours(hours(9, 12)).addHours(hours(11, 13))))
                .build()))).containsExactly("availability.weekly_hours[0].hours");
    }

    private static long hoursPlanned(String token, Assessment bilan) {
        return assessments(token).getAssessment(GetAssessmentRequest.newBuilder().setId(bilan.getId()).build())
                .getAssessment().getHours().getUsed().getSeconds();
    }

    private static String codeAndDescription(Runnable call) {
        try {
            call.run();
            return "OK";
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() + ": " + e.getStatus().getDescription();
        }
    }
}
