package fr.bilan.quality.followup;

import java.time.LocalDate;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.quality.v1.FollowUpServiceGrpc;
import fr.bilan.proto.quality.v1.GetFollowUpRequest;
import fr.bilan.proto.quality.v1.GetFollowUpResponse;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerResponse;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoDates;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of the follow-up interview ({@code bilan.quality.v1.FollowUpService}). */
@GrpcService
class FollowUpGrpcService extends FollowUpServiceGrpc.FollowUpServiceImplBase {

    private final FollowUpDesk desk;

    FollowUpGrpcService(FollowUpDesk desk) {
        this.desk = desk;
    }

    @Override
    public void getFollowUp(GetFollowUpRequest request, StreamObserver<GetFollowUpResponse> response) {
        requireAssessmentId(request.getAssessmentId()).throwIfAny();
        FollowUp followUp = desk.get(Caller.current(), request.getAssessmentId());
        response.onNext(GetFollowUpResponse.newBuilder().setFollowUp(FollowUpMessages.toProto(followUp)).build());
        response.onCompleted();
    }

    @Override
    public void recordFollowUpAnswer(RecordFollowUpAnswerRequest request,
            StreamObserver<RecordFollowUpAnswerResponse> response) {
        requireAssessmentId(request.getAssessmentId()).throwIfAny();
        FollowUp followUp = desk.recordAnswer(Caller.current(), request.getAssessmentId(), request.getAccepted());
        response.onNext(RecordFollowUpAnswerResponse.newBuilder().setFollowUp(FollowUpMessages.toProto(followUp)).build());
        response.onCompleted();
    }

    @Override
    public void recordFollowUpOutcome(RecordFollowUpOutcomeRequest request,
            StreamObserver<RecordFollowUpOutcomeResponse> response) {
        FieldViolations violations = requireAssessmentId(request.getAssessmentId());
        LocalDate held = null;
        if (request.getHeldDate().equals(com.google.type.Date.getDefaultInstance())) {
            violations.add("heldDate", "Indiquez le jour où l'entretien a eu lieu.");
        } else {
            held = ProtoDates.day(request.getHeldDate(), "heldDate", violations);
        }
        Situation situation = FollowUpMessages.situation(request.getSituation());
        if (situation == null) {
            violations.add("situation", "Indiquez la situation du bénéficiaire.");
        }
        violations.throwIfAny();
        FollowUp followUp = desk.recordOutcome(Caller.current(), request.getAssessmentId(), held, situation,
                request.getActionPlanStarted());
        response.onNext(RecordFollowUpOutcomeResponse.newBuilder().setFollowUp(FollowUpMessages.toProto(followUp))
                .build());
        response.onCompleted();
    }

    private static FieldViolations requireAssessmentId(String assessmentId) {
        return new FieldViolations().requireText("assessmentId", assessmentId, Lookups.MAX_ID_LENGTH);
    }
}
