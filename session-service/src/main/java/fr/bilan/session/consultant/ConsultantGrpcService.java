package fr.bilan.session.consultant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.session.v1.ConsultantServiceGrpc;
import fr.bilan.proto.session.v1.GetConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.GetConsultantAvailabilityResponse;
import fr.bilan.proto.session.v1.ListConsultantSessionsRequest;
import fr.bilan.proto.session.v1.ListConsultantSessionsResponse;
import fr.bilan.proto.session.v1.UpdateConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.UpdateConsultantAvailabilityResponse;
import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.AssessmentMessages;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.availability.AvailabilityMessages;
import fr.bilan.session.availability.AvailabilityRepository;
import fr.bilan.session.availability.DeclaredAvailability;
import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.resources.Etags;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of consultants' calendars and availability: a consultant reaches their own; a centre
 * manager plans for the consultants leading bilans in their centres and sees those bilans' sessions.
 */
@GrpcService
class ConsultantGrpcService extends ConsultantServiceGrpc.ConsultantServiceImplBase {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(28);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final Reservations reservations;
    private final AssessmentRepository assessments;
    private final AvailabilityRepository availabilities;
    private final AccessLog accessLog;
    private final Clock clock;

    ConsultantGrpcService(Reservations reservations, AssessmentRepository assessments,
            AvailabilityRepository availabilities, AccessLog accessLog, Clock clock) {
        this.reservations = reservations;
        this.assessments = assessments;
        this.availabilities = availabilities;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void getConsultantAvailability(GetConsultantAvailabilityRequest request,
            StreamObserver<GetConsultantAvailabilityResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("consultant_id", request.getConsultantId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        checkPlansFor(caller, request.getConsultantId());
        response.onNext(GetConsultantAvailabilityResponse.newBuilder()
                .setAvailability(AvailabilityMessages.toProto(availabilities.of(request.getConsultantId()))).build());
        response.onCompleted();
    }

    @Override
    public void updateConsultantAvailability(UpdateConsultantAvailabilityRequest request,
            StreamObserver<UpdateConsultantAvailabilityResponse> response) {
        Caller caller = Caller.current();
        String consultantId = request.getAvailability().getConsultantId();
        new FieldViolations().requireText("availability.consultant_id", consultantId, Lookups.MAX_ID_LENGTH).throwIfAny();
        checkPlansFor(caller, consultantId);
        DeclaredAvailability stored = availabilities.of(consultantId);
        long expected = Etags.expectedVersion(request.getAvailability().getEtag(), stored.version());
        DeclaredAvailability declared = AvailabilityMessages.fromProto(request.getAvailability(), clock.instant(),
                expected + 1);
        if (expected != stored.version() || !availabilities.save(declared, expected)) {
            throw new Conflict("Ces disponibilités ont changé depuis votre lecture : relisez-les avant de les "
                    + "modifier.");
        }
        response.onNext(UpdateConsultantAvailabilityResponse.newBuilder()
                .setAvailability(AvailabilityMessages.toProto(declared)).build());
        response.onCompleted();
    }

    /** The consultant themself, or a manager of a centre where they lead a bilan. */
    private void checkPlansFor(Caller caller, String consultantId) {
        ConsultantAccess.checkPlansFor(caller, consultantId,
                () -> assessments.anyLedBy(consultantId, caller.centres()));
    }

    @Override
    public void listConsultantSessions(ListConsultantSessionsRequest request,
            StreamObserver<ListConsultantSessionsResponse> response) {
        Caller caller = Caller.current();
        FieldViolations violations = new FieldViolations()
                .requireText("consultant_id", request.getConsultantId(), Lookups.MAX_ID_LENGTH);
        Instant start = ProtoTime.toInstant("start_time",
                request.hasStartTime() ? Optional.of(request.getStartTime()) : Optional.empty(), violations)
                .orElse(clock.instant());
        Instant end = ProtoTime.toInstant("end_time",
                request.hasEndTime() ? Optional.of(request.getEndTime()) : Optional.empty(), violations)
                .orElse(start.plus(DEFAULT_PERIOD));
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            violations.add("end_time", "La période va du début à la fin, sur un an au plus.");
        }
        violations.throwIfAny();
        ConsultantAccess.checkCalendar(caller, request.getConsultantId());
        // the holds say which bilans; each bilan's document says what the sessions are now
        Map<String, Optional<Assessment>> bilans = new LinkedHashMap<>();
        List<Hold> holds = reservations.held(Resource.consultant(request.getConsultantId()), start, end);
        holds.forEach(hold -> bilans.computeIfAbsent(hold.assessmentId(), assessments::find));
        var answer = ListConsultantSessionsResponse.newBuilder();
        List<Assessment> seen = bilans.values().stream().flatMap(Optional::stream)
                .filter(bilan -> ConsultantAccess.seesBilan(caller, request.getConsultantId(), bilan.centreId()))
                .toList();
        seen.stream()
                .flatMap(bilan -> bilan.sessions().stream()
                        .filter(session -> session.holdsSlot() && session.consultantId().equals(request.getConsultantId())
                                && session.slot().start().isBefore(end) && session.slot().end().isAfter(start))
                        .map(session -> AssessmentMessages.toProto(bilan, session)))
                .sorted(Comparator.comparing(session -> ProtoTime.toInstant(session.getStartTime())))
                .forEach(answer::addSessions);
        accessLog.recordAll(caller, seen.stream().map(AssessmentRepository::accessed).toList());
        response.onNext(answer.build());
        response.onCompleted();
    }
}
