package fr.bilan.session.consultant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.session.v1.ConsultantServiceGrpc;
import fr.bilan.proto.session.v1.GetConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.GetConsultantAvailabilityResponse;
import fr.bilan.proto.session.v1.ListConsultantSessionsRequest;
import fr.bilan.proto.session.v1.ListConsultantSessionsResponse;
import fr.bilan.proto.session.v1.UpdateConsultantAvailabilityRequest;
import fr.bilan.proto.session.v1.UpdateConsultantAvailabilityResponse;
import fr.bilan.session.assessment.AssessmentMessages;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.availability.AvailabilityMessages;
import fr.bilan.session.availability.DeclaredAvailability;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
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

    private final ConsultantCalendars calendars;
    private final AccessLog accessLog;
    private final Clock clock;

    ConsultantGrpcService(ConsultantCalendars calendars, AccessLog accessLog, Clock clock) {
        this.calendars = calendars;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void getConsultantAvailability(GetConsultantAvailabilityRequest request,
            StreamObserver<GetConsultantAvailabilityResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("consultant_id", request.getConsultantId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        calendars.checkPlansFor(caller, request.getConsultantId());
        response.onNext(GetConsultantAvailabilityResponse.newBuilder()
                .setAvailability(AvailabilityMessages.toProto(calendars.availability(request.getConsultantId()))).build());
        response.onCompleted();
    }

    @Override
    public void updateConsultantAvailability(UpdateConsultantAvailabilityRequest request,
            StreamObserver<UpdateConsultantAvailabilityResponse> response) {
        Caller caller = Caller.current();
        String consultantId = request.getAvailability().getConsultantId();
        new FieldViolations().requireText("availability.consultant_id", consultantId, Lookups.MAX_ID_LENGTH).throwIfAny();
        calendars.checkPlansFor(caller, consultantId);
        DeclaredAvailability declared = calendars.replaceAvailability(consultantId, request.getAvailability().getEtag(),
                version -> AvailabilityMessages.fromProto(request.getAvailability(), clock.instant(), version));
        response.onNext(UpdateConsultantAvailabilityResponse.newBuilder()
                .setAvailability(AvailabilityMessages.toProto(declared)).build());
        response.onCompleted();
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
        ConsultantCalendars.Period period = calendars.sessions(caller, request.getConsultantId(), start, end);
        var answer = ListConsultantSessionsResponse.newBuilder();
        period.sessions().forEach(held -> answer.addSessions(AssessmentMessages.toProto(held.bilan(), held.session())));
        accessLog.recordAll(caller, period.bilans().stream().map(AssessmentRepository::accessed).toList());
        response.onNext(answer.build());
        response.onCompleted();
    }
}
