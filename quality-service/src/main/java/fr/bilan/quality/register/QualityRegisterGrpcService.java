package fr.bilan.quality.register;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.grpc.server.service.GrpcService;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.quality.v1.AcknowledgeComplaintRequest;
import fr.bilan.proto.quality.v1.AcknowledgeComplaintResponse;
import fr.bilan.proto.quality.v1.AnswerComplaintRequest;
import fr.bilan.proto.quality.v1.AnswerComplaintResponse;
import fr.bilan.proto.quality.v1.ListComplaintsRequest;
import fr.bilan.proto.quality.v1.ListComplaintsResponse;
import fr.bilan.proto.quality.v1.ListDropOutsRequest;
import fr.bilan.proto.quality.v1.ListDropOutsResponse;
import fr.bilan.proto.quality.v1.ListImprovementActionsRequest;
import fr.bilan.proto.quality.v1.ListImprovementActionsResponse;
import fr.bilan.proto.quality.v1.QualityRegisterServiceGrpc;
import fr.bilan.proto.quality.v1.RecordComplaintRequest;
import fr.bilan.proto.quality.v1.RecordComplaintResponse;
import fr.bilan.proto.quality.v1.RecordImprovementActionRequest;
import fr.bilan.proto.quality.v1.RecordImprovementActionResponse;
import fr.bilan.proto.quality.v1.UpdateImprovementActionRequest;
import fr.bilan.proto.quality.v1.UpdateImprovementActionResponse;
import fr.bilan.quality.register.complaint.ComplaintRegister;
import fr.bilan.quality.register.dropout.DropOutRegister;
import fr.bilan.quality.register.improvement.ImprovementPlan;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of a centre's quality register: parses, scopes each call to the caller's centres (the
 * {@code centres} claim of their token: managers write and read their centres' register, auditors read
 * it), calls one operation of the register and maps the answer. The register holds no person's data (a
 * drop-out is pseudonymised; a complaint names the kind of complainant, not who), so no access record.
 */
@GrpcService
class QualityRegisterGrpcService extends QualityRegisterServiceGrpc.QualityRegisterServiceImplBase {

    private final ComplaintRegister complaints;
    private final ImprovementPlan improvements;
    private final DropOutRegister dropOuts;
    private final CentreDays days;

    QualityRegisterGrpcService(ComplaintRegister complaints, ImprovementPlan improvements, DropOutRegister dropOuts,
            CentreDays days) {
        this.complaints = complaints;
        this.improvements = improvements;
        this.dropOuts = dropOuts;
        this.days = days;
    }

    @Override
    public void recordComplaint(RecordComplaintRequest request, StreamObserver<RecordComplaintResponse> response) {
        Caller caller = manager(request.getCentreId());
        String requestKey = requestKey(caller, request.getRequestId());
        if (!request.hasComplaint()) {
            throw FieldViolations.of("complaint", "Décrivez la réclamation reçue.");
        }
        var recorded = complaints.record(RegisterMessages.toNewComplaint(request), requestKey);
        response.onNext(RecordComplaintResponse.newBuilder().setComplaint(RegisterMessages.toProto(recorded)).build());
        response.onCompleted();
    }

    @Override
    public void acknowledgeComplaint(AcknowledgeComplaintRequest request,
            StreamObserver<AcknowledgeComplaintResponse> response) {
        manager(request.getCentreId());
        requireId("complaintId", request.getComplaintId());
        var acknowledged = complaints.acknowledge(request.getCentreId(), request.getComplaintId(),
                RegisterMessages.acknowledgedDate(request));
        response.onNext(AcknowledgeComplaintResponse.newBuilder().setComplaint(RegisterMessages.toProto(acknowledged)).build());
        response.onCompleted();
    }

    @Override
    public void answerComplaint(AnswerComplaintRequest request, StreamObserver<AnswerComplaintResponse> response) {
        manager(request.getCentreId());
        requireId("complaintId", request.getComplaintId());
        var answered = complaints.answer(request.getCentreId(), request.getComplaintId(),
                RegisterMessages.answeredDate(request), request.getAnswerSummary());
        response.onNext(AnswerComplaintResponse.newBuilder().setComplaint(RegisterMessages.toProto(answered)).build());
        response.onCompleted();
    }

    @Override
    public void listComplaints(ListComplaintsRequest request, StreamObserver<ListComplaintsResponse> response) {
        reader(request.getCentreId());
        Period period = period(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime());
        var answer = ListComplaintsResponse.newBuilder();
        complaints.receivedBetween(request.getCentreId(), period.from(), period.until())
                .forEach(complaint -> answer.addComplaints(RegisterMessages.toProto(complaint)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void listDropOuts(ListDropOutsRequest request, StreamObserver<ListDropOutsResponse> response) {
        reader(request.getCentreId());
        Period period = period(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime());
        response.onNext(RegisterMessages.toProto(dropOuts.endedBetween(request.getCentreId(), period.from(), period.until())));
        response.onCompleted();
    }

    @Override
    public void recordImprovementAction(RecordImprovementActionRequest request,
            StreamObserver<RecordImprovementActionResponse> response) {
        Caller caller = manager(request.getCentreId());
        String requestKey = requestKey(caller, request.getRequestId());
        if (!request.hasAction()) {
            throw FieldViolations.of("action", "Décrivez l'action d'amélioration.");
        }
        var recorded = improvements.record(RegisterMessages.toNewAction(request), requestKey);
        response.onNext(RecordImprovementActionResponse.newBuilder().setAction(RegisterMessages.toProto(recorded)).build());
        response.onCompleted();
    }

    @Override
    public void updateImprovementAction(UpdateImprovementActionRequest request,
            StreamObserver<UpdateImprovementActionResponse> response) {
        manager(request.getCentreId());
        requireId("actionId", request.getActionId());
        var updated = improvements.update(request.getCentreId(), request.getActionId(), RegisterMessages.toChange(request));
        response.onNext(UpdateImprovementActionResponse.newBuilder().setAction(RegisterMessages.toProto(updated)).build());
        response.onCompleted();
    }

    @Override
    public void listImprovementActions(ListImprovementActionsRequest request,
            StreamObserver<ListImprovementActionsResponse> response) {
        reader(request.getCentreId());
        var answer = ListImprovementActionsResponse.newBuilder();
        improvements.ofCentre(request.getCentreId()).forEach(action -> answer.addActions(RegisterMessages.toProto(action)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    /** The caller, a manager of that centre: who writes its register. */
    private static Caller manager(String centreId) {
        requireId("centreId", centreId);
        Caller caller = Caller.current();
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER)) {
            throw new Forbidden("Seuls les responsables de ce centre tiennent son registre qualité.");
        }
        return caller;
    }

    /** The caller, a manager or an auditor of that centre: who reads its register. */
    private static void reader(String centreId) {
        requireId("centreId", centreId);
        if (!Caller.current().holdsIn(centreId, Role.CENTRE_MANAGER, Role.AUDITOR)) {
            throw new Forbidden("Vous n'avez accès qu'au registre qualité de vos centres.");
        }
    }

    private static void requireId(String field, String id) {
        new FieldViolations().requireText(field, id, Lookups.MAX_ID_LENGTH).throwIfAny();
    }

    /** The idempotency key of a creation: the caller's request id, bound to the caller. */
    private static String requestKey(Caller caller, String requestId) {
        new FieldViolations().requireText("requestId", requestId, Lookups.MAX_ID_LENGTH).throwIfAny();
        return RequestKey.of(caller.subject(), requestId);
    }

    /** The days a period's bounds fall on at the centre: from the start's (included) to the end's (excluded). */
    private Period period(String centreId, boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end) {
        FieldViolations violations = new FieldViolations();
        var from = ProtoTime.required("startTime", hasStart, start, "Indiquez le début de la période.", violations);
        var until = ProtoTime.required("endTime", hasEnd, end, "Indiquez la fin de la période.", violations);
        violations.throwIfAny();
        Period period = new Period(day(from.orElseThrow(), centreId), day(until.orElseThrow(), centreId));
        if (!period.until().isAfter(period.from())) {
            throw FieldViolations.of("endTime", "La fin de la période doit tomber au moins un jour après son début.");
        }
        return period;
    }

    private LocalDate day(Instant instant, String centreId) {
        return days.dayOf(instant, centreId);
    }

    private record Period(LocalDate from, LocalDate until) {
    }
}
