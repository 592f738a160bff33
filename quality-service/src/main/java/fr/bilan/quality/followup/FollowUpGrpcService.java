package fr.bilan.quality.followup;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.quality.v1.FollowUpServiceGrpc;
import fr.bilan.proto.quality.v1.GetFollowUpRequest;
import fr.bilan.proto.quality.v1.GetFollowUpResponse;
import fr.bilan.proto.quality.v1.ListFollowUpsRequest;
import fr.bilan.proto.quality.v1.ListFollowUpsResponse;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpAnswerResponse;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeRequest;
import fr.bilan.proto.quality.v1.RecordFollowUpOutcomeResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
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
    public void listFollowUps(ListFollowUpsRequest request, StreamObserver<ListFollowUpsResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("centreId", request.getCentreId(), Lookups.MAX_ID_LENGTH);
        Set<FollowUpState> states = EnumSet.noneOf(FollowUpState.class);
        for (fr.bilan.proto.quality.v1.FollowUpState asked : request.getStatesList()) {
            FollowUpState state = FollowUpMessages.state(asked);
            if (state == null) {
                violations.add("states", "État inconnu : indiquez SCHEDULED, OFFERED, ACCEPTED, BOOKED, DECLINED, "
                        + "HELD ou NOT_OFFERED, ou aucun pour tous.");
            } else {
                states.add(state);
            }
        }
        int size = PageTokens.pageSize(request.getPageSize(), PageTokens.MAX_PAGE_SIZE, violations);
        violations.throwIfAny();
        // the states as a set: the same filter in another order resumes the same list
        PageTokens tokens = PageTokens.boundTo(request.getCentreId(), states);
        Optional<List<String>> position = tokens.positionOf(request.getPageToken(), 2);
        FollowUps.ListPosition after = position.map(p -> new FollowUps.ListPosition(
                p.get(0).isEmpty() ? null : day(p.get(0)), p.get(1))).orElse(null);

        FollowUpDesk.Page page = desk.list(Caller.current(), request.getCentreId(), states, after, size);
        var answer = ListFollowUpsResponse.newBuilder();
        page.followUps().forEach(followUp -> answer.addFollowUps(FollowUpMessages.toProto(followUp)));
        if (page.next() != null) {
            answer.setNextPageToken(tokens.after(page.next().dueDate() == null ? "" : page.next().dueDate().toString(),
                    page.next().assessmentId()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    /** A day a token of this list holds; only a forged token fails here. */
    private static LocalDate day(String isoDay) {
        try {
            return LocalDate.parse(isoDay);
        } catch (java.time.format.DateTimeParseException e) {
            throw PageTokens.invalidToken();
        }
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
