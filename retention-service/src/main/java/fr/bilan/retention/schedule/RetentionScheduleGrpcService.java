package fr.bilan.retention.schedule;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.CreateLegalHoldRequest;
import fr.bilan.proto.retention.v1.CreateLegalHoldResponse;
import fr.bilan.proto.retention.v1.GetRetentionScheduleRequest;
import fr.bilan.proto.retention.v1.GetRetentionScheduleResponse;
import fr.bilan.proto.retention.v1.LiftLegalHoldRequest;
import fr.bilan.proto.retention.v1.LiftLegalHoldResponse;
import fr.bilan.proto.retention.v1.RetentionScheduleServiceGrpc;
import fr.bilan.retention.hold.LegalHold;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/** A bilan's retention schedule and its legal holds ({@link RetentionSchedules}), over gRPC. */
@GrpcService
class RetentionScheduleGrpcService extends RetentionScheduleServiceGrpc.RetentionScheduleServiceImplBase {

    /** A hold's reason or lifting reason: a few words, not a file. */
    static final int MAX_REASON_LENGTH = 500;

    private final RetentionSchedules schedules;

    RetentionScheduleGrpcService(RetentionSchedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public void getRetentionSchedule(GetRetentionScheduleRequest request,
            StreamObserver<GetRetentionScheduleResponse> response) {
        String assessmentId = request.getAssessmentId().strip();
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH).throwIfAny();
        RetentionSchedule schedule = schedules.scheduleOf(Caller.current(), assessmentId);
        response.onNext(GetRetentionScheduleResponse.newBuilder()
                .setRetentionSchedule(ScheduleMessages.toProto(schedule)).build());
        response.onCompleted();
    }

    @Override
    public void createLegalHold(CreateLegalHoldRequest request, StreamObserver<CreateLegalHoldResponse> response) {
        FieldViolations violations = new FieldViolations();
        String assessmentId = request.getAssessmentId().strip();
        String reason = request.getLegalHold().getReason().strip();
        violations.requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH)
                .requireFreeText("legal_hold.reason", reason, MAX_REASON_LENGTH);
        if (request.getRequestId().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("request_id", "L'identifiant de requête dépasse " + Lookups.MAX_ID_LENGTH + " caractères.");
        }
        violations.throwIfAny();
        LegalHold hold = schedules.setHold(Caller.current(), assessmentId, request.getRequestId(), reason);
        response.onNext(CreateLegalHoldResponse.newBuilder().setLegalHold(ScheduleMessages.toProto(hold)).build());
        response.onCompleted();
    }

    @Override
    public void liftLegalHold(LiftLegalHoldRequest request, StreamObserver<LiftLegalHoldResponse> response) {
        String assessmentId = request.getAssessmentId().strip();
        String reason = request.getReason().strip();
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH)
                .requireText("legal_hold_id", request.getLegalHoldId(), Lookups.MAX_ID_LENGTH)
                .requireFreeText("reason", reason, MAX_REASON_LENGTH).throwIfAny();
        LegalHold lifted = schedules.liftHold(Caller.current(), assessmentId, request.getLegalHoldId(), reason);
        response.onNext(LiftLegalHoldResponse.newBuilder().setLegalHold(ScheduleMessages.toProto(lifted)).build());
        response.onCompleted();
    }
}
