package fr.bilan.session.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.session.v1.AcceptPlanRequest;
import fr.bilan.proto.session.v1.AcceptPlanResponse;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.CancelSessionRequest;
import fr.bilan.proto.session.v1.CancelSessionResponse;
import fr.bilan.proto.session.v1.CreateAssessmentRequest;
import fr.bilan.proto.session.v1.CreateAssessmentResponse;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAssessmentResponse;
import fr.bilan.proto.session.v1.GetAttendanceReportRequest;
import fr.bilan.proto.session.v1.GetAttendanceReportResponse;
import fr.bilan.proto.session.v1.ListAssessmentsRequest;
import fr.bilan.proto.session.v1.ListAssessmentsResponse;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.ListSessionsResponse;
import fr.bilan.proto.session.v1.MarkAbsentRequest;
import fr.bilan.proto.session.v1.MarkAbsentResponse;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.MoveAssessmentResponse;
import fr.bilan.proto.session.v1.ProposePlanRequest;
import fr.bilan.proto.session.v1.ProposePlanResponse;
import fr.bilan.proto.session.v1.ProposeSlotsRequest;
import fr.bilan.proto.session.v1.ProposeSlotsResponse;
import fr.bilan.proto.session.v1.ReassignConsultantRequest;
import fr.bilan.proto.session.v1.RecordPersonalWorkRequest;
import fr.bilan.proto.session.v1.RecordPersonalWorkResponse;
import fr.bilan.proto.session.v1.ReassignConsultantResponse;
import fr.bilan.proto.session.v1.RescheduleSessionRequest;
import fr.bilan.proto.session.v1.RescheduleSessionResponse;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.ScheduleSessionResponse;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignAttendanceResponse;
import fr.bilan.session.calendar.BilanPlanner;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.ProposedSession;
import fr.bilan.session.calendar.Slot;
import fr.bilan.session.calendar.SlotFinder;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of bilans and their sessions: each call checks its request field by field, checks
 * the caller may reach the bilan ({@link AssessmentAccess}), lets one operation do it (opening,
 * progress, bookings, planning: the bilan decides, {@link Assessment}), records the access and
 * answers.
 */
@GrpcService
class AssessmentGrpcService extends AssessmentServiceGrpc.AssessmentServiceImplBase {

    private static final int MAX_PROPOSALS = 20;
    private static final int MAX_PLAN_SESSIONS = 20;
    private static final Duration DEFAULT_PLANNED_LENGTH = Duration.ofHours(2);

    private final AssessmentQueries queries;
    private final AssessmentOpening opening;
    private final AssessmentProgress progress;
    private final SessionBookings bookings;
    private final SessionPlanning planning;
    private final CentreProperties centres;
    private final AccessLog accessLog;
    private final Clock clock;

    AssessmentGrpcService(AssessmentQueries queries, AssessmentOpening opening, AssessmentProgress progress,
            SessionBookings bookings, SessionPlanning planning, CentreProperties centres, AccessLog accessLog,
            Clock clock) {
        this.queries = queries;
        this.opening = opening;
        this.progress = progress;
        this.bookings = bookings;
        this.planning = planning;
        this.centres = centres;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void createAssessment(CreateAssessmentRequest request, StreamObserver<CreateAssessmentResponse> response) {
        Caller caller = Caller.current();
        var asked = request.getAssessment();
        RequestKey.check(request.getRequestId());
        FieldViolations violations = new FieldViolations()
                .requireText("assessment.beneficiary_id", asked.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        if (asked.getFormat() == fr.bilan.proto.session.v1.DeliveryFormat.DELIVERY_FORMAT_UNSPECIFIED
                || asked.getFormat() == fr.bilan.proto.session.v1.DeliveryFormat.UNRECOGNIZED) {
            violations.add("assessment.format", "Indiquez le format du bilan : sur place, à distance ou mixte.");
        }
        // a consultant who names nobody opens the bilan for themself; a manager names the consultant
        boolean manager = caller.hasRole(Role.CENTRE_MANAGER);
        String consultant = asked.getConsultantId().isEmpty() && !manager ? caller.subject() : asked.getConsultantId();
        if (consultant.isEmpty()) {
            violations.add("assessment.consultant_id", "Indiquez le consultant qui mènera le bilan.");
        } else if (consultant.length() > Lookups.MAX_ID_LENGTH) {
            violations.add("assessment.consultant_id", "Identifiant de consultant trop long.");
        }
        violations.throwIfAny();
        Assessment opened = opening.open(caller, asked.getBeneficiaryId(), consultant, asked.getFundingId(),
                DeliveryFormat.valueOf(asked.getFormat().name()), RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, accessed(opened));
        response.onNext(CreateAssessmentResponse.newBuilder().setAssessment(AssessmentMessages.toProto(opened)).build());
        response.onCompleted();
    }

    @Override
    public void getAssessment(GetAssessmentRequest request, StreamObserver<GetAssessmentResponse> response) {
        Caller caller = Caller.current();
        Assessment assessment = require(request.getId(), "id");
        AssessmentAccess.checkRead(caller, assessment);
        accessLog.record(caller, accessed(assessment));
        response.onNext(GetAssessmentResponse.newBuilder().setAssessment(AssessmentMessages.toProto(assessment)).build());
        response.onCompleted();
    }

    @Override
    public void listAssessments(ListAssessmentsRequest request, StreamObserver<ListAssessmentsResponse> response) {
        Caller caller = Caller.current();
        FieldViolations violations = new FieldViolations();
        int size = PageTokens.pageSize(request.getPageSize(), PageTokens.MAX_PAGE_SIZE, violations);
        violations.throwIfAny();
        List<AssessmentState> states = request.getStatesList().stream()
                .filter(state -> state != fr.bilan.proto.session.v1.AssessmentState.ASSESSMENT_STATE_UNSPECIFIED
                        && state != fr.bilan.proto.session.v1.AssessmentState.UNRECOGNIZED)
                .map(state -> AssessmentState.valueOf(state.name())).distinct().toList();
        AssessmentScope scope = AssessmentScope.of(caller, request.getCentreId(), states);
        PageTokens tokens = PageTokens.boundTo(caller.subject(), request.getCentreId(), states);
        Optional<List<String>> position = tokens.positionOf(request.getPageToken(), 2);
        Optional<Instant> afterTime;
        try {
            afterTime = position.map(keys -> Instant.parse(keys.get(0)));
        } catch (DateTimeParseException e) {
            throw PageTokens.invalidToken();
        }
        List<Assessment> page = queries.page(scope, afterTime, position.map(keys -> keys.get(1)), size + 1);
        var answer = ListAssessmentsResponse.newBuilder();
        List<Assessment> shown = page.subList(0, Math.min(size, page.size()));
        shown.forEach(assessment -> answer.addAssessments(AssessmentMessages.toProto(assessment)));
        if (page.size() > size) {
            Assessment last = shown.get(shown.size() - 1);
            answer.setNextPageToken(tokens.after(last.createTime().toString(), last.id()));
        }
        accessLog.recordAll(caller, shown.stream().map(AssessmentGrpcService::accessed).toList());
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void reassignConsultant(ReassignConsultantRequest request, StreamObserver<ReassignConsultantResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("consultant_id", request.getConsultantId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        Assessment read = require(request.getId(), "id");
        AssessmentAccess.checkManager(caller, read.centreId());
        Assessment changed = progress.reassign(read, request.getConsultantId(), caller.subject());
        accessLog.record(caller, accessed(changed));
        response.onNext(ReassignConsultantResponse.newBuilder().setAssessment(AssessmentMessages.toProto(changed)).build());
        response.onCompleted();
    }

    @Override
    public void moveAssessment(MoveAssessmentRequest request, StreamObserver<MoveAssessmentResponse> response) {
        Caller caller = Caller.current();
        if (request.getState() == fr.bilan.proto.session.v1.AssessmentState.ASSESSMENT_STATE_UNSPECIFIED
                || request.getState() == fr.bilan.proto.session.v1.AssessmentState.UNRECOGNIZED) {
            throw FieldViolations.of("state", "Indiquez le stade à atteindre.");
        }
        AssessmentState to = AssessmentState.valueOf(request.getState().name());
        Assessment read = require(request.getId(), "id");
        AssessmentAccess.checkPlanner(caller, read);
        Assessment moved = progress.move(read, to, request.getReason(), request.getFundingId(), request.getEtag());
        accessLog.record(caller, accessed(moved));
        response.onNext(MoveAssessmentResponse.newBuilder().setAssessment(AssessmentMessages.toProto(moved)).build());
        response.onCompleted();
    }

    @Override
    public void scheduleSession(ScheduleSessionRequest request, StreamObserver<ScheduleSessionResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, read);
        var asked = request.getSession();
        FieldViolations violations = new FieldViolations();
        Optional<Phase> phase = AssessmentMessages.phase(asked.getPhase());
        if (phase.isEmpty()) {
            violations.add("session.phase", "Indiquez la phase de la séance.");
        }
        Instant start = SessionRequests.start(asked.hasStartTime(), asked.getStartTime(), "session.start_time",
                clock.instant(), violations);
        Duration length = SessionRequests.duration(asked.hasDuration(), asked.getDuration(), "session.duration",
                violations);
        Place place = SessionRequests.place(asked.getRoomId(), asked.getVideoLink(), read.centreId(), centres,
                "session.", violations);
        violations.throwIfAny();
        String sessionId = newId(caller, request.getRequestId());
        Assessment changed = bookings.schedule(read, sessionId, new ProposedSession(phase.get(), new Slot(start, length)),
                place);
        answerSession(caller, changed, sessionId,
                session -> response.onNext(ScheduleSessionResponse.newBuilder().setSession(session).build()));
        response.onCompleted();
    }

    @Override
    public void rescheduleSession(RescheduleSessionRequest request, StreamObserver<RescheduleSessionResponse> response) {
        Caller caller = Caller.current();
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, read);
        ScheduledSession current = requireSession(read, request.getSessionId());
        FieldViolations violations = new FieldViolations();
        Instant start = SessionRequests.start(request.hasStartTime(), request.getStartTime(), "start_time",
                clock.instant(), violations);
        // what the request leaves out stays as it is
        Duration length = request.hasDuration()
                ? SessionRequests.duration(true, request.getDuration(), "duration", violations)
                : current.slot().duration();
        boolean newPlace = !request.getRoomId().isEmpty() || !request.getVideoLink().isEmpty();
        Place place = newPlace ? SessionRequests.place(request.getRoomId(), request.getVideoLink(), read.centreId(),
                centres, "", violations) : current.place();
        violations.throwIfAny();
        Assessment changed = bookings.reschedule(read, current.id(), new Slot(start, length), place);
        answerSession(caller, changed, current.id(),
                session -> response.onNext(RescheduleSessionResponse.newBuilder().setSession(session).build()));
        response.onCompleted();
    }

    @Override
    public void cancelSession(CancelSessionRequest request, StreamObserver<CancelSessionResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireFreeText("reason", request.getReason(), 500).throwIfAny();
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, read);
        String sessionId = requireSession(read, request.getSessionId()).id();
        Assessment changed = bookings.cancel(read, sessionId, request.getReason().strip());
        answerSession(caller, changed, sessionId,
                session -> response.onNext(CancelSessionResponse.newBuilder().setSession(session).build()));
        response.onCompleted();
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> response) {
        Caller caller = Caller.current();
        Assessment assessment = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkRead(caller, assessment);
        // destroyed sessions are refused before anything is recorded as read
        var answer = ListSessionsResponse.newBuilder();
        assessment.keptSessions().forEach(session -> answer.addSessions(AssessmentMessages.toProto(assessment, session)));
        accessLog.record(caller, accessed(assessment));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void signAttendance(SignAttendanceRequest request, StreamObserver<SignAttendanceResponse> response) {
        Caller caller = Caller.current();
        Optional<SignatureMethod> method = AssessmentMessages.method(request.getMethod());
        if (method.isEmpty()) {
            throw FieldViolations.of("method", "Indiquez comment la feuille d'émargement est signée.");
        }
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        String sessionId = requireSession(read, request.getSessionId()).id();
        Assessment changed = bookings.signAttendance(caller, read, sessionId,
                AssessmentMessages.signer(request.getSigner()), method.get());
        answerSession(caller, changed, sessionId,
                signed -> response.onNext(SignAttendanceResponse.newBuilder().setSession(signed).build()));
        response.onCompleted();
    }

    @Override
    public void markAbsent(MarkAbsentRequest request, StreamObserver<MarkAbsentResponse> response) {
        Caller caller = Caller.current();
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        ScheduledSession session = requireSession(read, request.getSessionId());
        Assessment changed = bookings.markAbsent(caller, read, session);
        answerSession(caller, changed, session.id(),
                marked -> response.onNext(MarkAbsentResponse.newBuilder().setSession(marked).build()));
        response.onCompleted();
    }

    @Override
    public void proposeSlots(ProposeSlotsRequest request, StreamObserver<ProposeSlotsResponse> response) {
        Caller caller = Caller.current();
        Assessment assessment = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, assessment);
        FieldViolations violations = new FieldViolations();
        Optional<Phase> phase = AssessmentMessages.phase(request.getPhase());
        if (phase.isEmpty()) {
            violations.add("phase", "Indiquez la phase de la séance.");
        }
        Duration length = SessionRequests.duration(request.hasDuration(), request.getDuration(), "duration", violations);
        Instant after = SessionRequests.after(request.hasAfterTime(), request.getAfterTime(), "after_time",
                clock.instant(), violations);
        if (request.getCount() < 0 || request.getCount() > MAX_PROPOSALS) {
            violations.add("count", "Entre 1 et " + MAX_PROPOSALS + " créneaux.");
        }
        Optional<String> room = room(request.getRoomId(), assessment, violations);
        violations.throwIfAny();
        int count = request.getCount() == 0 ? SlotFinder.DEFAULT_COUNT : request.getCount();
        var answer = ProposeSlotsResponse.newBuilder();
        planning.proposeSlots(assessment, phase.get(), length, after, count, room)
                .forEach(slot -> answer.addSlots(AssessmentMessages.toProto(phase.get(), slot)));
        accessLog.record(caller, accessed(assessment));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void proposePlan(ProposePlanRequest request, StreamObserver<ProposePlanResponse> response) {
        Caller caller = Caller.current();
        Assessment assessment = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, assessment);
        FieldViolations violations = new FieldViolations();
        Duration length = request.hasSessionDuration()
                ? SessionRequests.duration(true, request.getSessionDuration(), "session_duration", violations)
                : DEFAULT_PLANNED_LENGTH;
        Instant after = SessionRequests.after(request.hasAfterTime(), request.getAfterTime(), "after_time",
                clock.instant(), violations);
        Optional<String> room = room(request.getRoomId(), assessment, violations);
        violations.throwIfAny();
        var answer = ProposePlanResponse.newBuilder();
        List<ProposedSession> plan;
        try {
            plan = planning.proposePlan(assessment, length, after, room);
        } catch (BilanPlanner.BelowFloor e) {
            // the length of the sessions is what brings a plan to the floor
            throw FieldViolations.of("session_duration", e.getMessage());
        }
        plan.forEach(proposed -> answer.addSessions(AssessmentMessages.toProto(proposed.phase(), proposed.slot())));
        accessLog.record(caller, accessed(assessment));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void acceptPlan(AcceptPlanRequest request, StreamObserver<AcceptPlanResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkPlanner(caller, read);
        FieldViolations violations = new FieldViolations();
        if (request.getSessionsCount() == 0 || request.getSessionsCount() > MAX_PLAN_SESSIONS) {
            violations.add("sessions", "Un plan compte de 1 à " + MAX_PLAN_SESSIONS + " séances.");
        }
        Place place = SessionRequests.place(request.getRoomId(), request.getVideoLink(), read.centreId(), centres, "",
                violations);
        List<ProposedSession> plan = new ArrayList<>();
        for (int i = 0; i < request.getSessionsCount(); i++) {
            var proposed = request.getSessions(i);
            String field = "sessions[" + i + "]";
            Optional<Phase> phase = AssessmentMessages.phase(proposed.getPhase());
            if (phase.isEmpty()) {
                violations.add(field + ".phase", "Indiquez la phase de la séance.");
            }
            Instant start = SessionRequests.start(proposed.hasStartTime(), proposed.getStartTime(), field + ".start_time",
                    clock.instant(), violations);
            Duration length = SessionRequests.duration(proposed.hasDuration(), proposed.getDuration(),
                    field + ".duration", violations);
            if (phase.isPresent() && start != null && length != null) {
                plan.add(new ProposedSession(phase.get(), new Slot(start, length)));
            }
        }
        violations.throwIfAny();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            ids.add(newId(caller, request.getRequestId().isBlank() ? "" : request.getRequestId() + "#" + i));
        }
        Assessment changed = bookings.acceptPlan(read, ids, plan, place);
        accessLog.record(caller, accessed(changed));
        var answer = AcceptPlanResponse.newBuilder();
        ids.forEach(id -> changed.session(id).ifPresent(session -> answer.addSessions(AssessmentMessages.toProto(changed,
                session))));
        response.onNext(answer.build());
        response.onCompleted();
    }

    private Optional<String> room(String roomId, Assessment assessment, FieldViolations violations) {
        if (roomId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(SessionRequests.place(roomId, "", assessment.centreId(), centres, "", violations))
                .map(Place::roomId);
    }

    @Override
    public void recordPersonalWork(RecordPersonalWorkRequest request,
            StreamObserver<RecordPersonalWorkResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkRecordsPersonalWork(caller, read);
        var asked = request.getPersonalWork();
        FieldViolations violations = new FieldViolations();
        Optional<Phase> phase = AssessmentMessages.phase(asked.getPhase()).filter(Phase::ofTheAction);
        if (phase.isEmpty()) {
            violations.add("personal_work.phase", "Indiquez la phase du bilan où ce travail a été fait : préliminaire, "
                    + "investigation ou conclusion.");
        }
        Optional<PersonalWorkKind> kind = AssessmentMessages.kind(asked.getKind());
        if (kind.isEmpty()) {
            violations.add("personal_work.kind", "Indiquez le type de travail personnel : recherche documentaire, "
                    + "enquête auprès de professionnels ou autre.");
        }
        // absent (all zeros) is asked for here; a date that does not exist is named by ProtoDates
        LocalDate day = ProtoDates.day(asked.getDate(), "personal_work.date", violations);
        if (asked.getDate().equals(com.google.type.Date.getDefaultInstance())) {
            violations.add("personal_work.date", "Indiquez le jour où ce travail a été fait.");
        }
        Duration length = SessionRequests.personalWorkDuration(asked.hasDuration(), asked.getDuration(),
                "personal_work.duration", violations);
        violations.throwIfAny();
        String id = newId(caller, request.getRequestId());
        Assessment changed = bookings.recordPersonalWork(read, id, phase.get(), kind.get(), day, length,
                caller.subject());
        accessLog.record(caller, accessed(changed));
        response.onNext(RecordPersonalWorkResponse.newBuilder().setPersonalWork(AssessmentMessages.toProto(
                changed.personalWork().stream().filter(work -> work.id().equals(id)).findFirst().orElseThrow()))
                .build());
        response.onCompleted();
    }

    @Override
    public void getAttendanceReport(GetAttendanceReportRequest request,
            StreamObserver<GetAttendanceReportResponse> response) {
        Caller caller = Caller.current();
        Assessment assessment = require(request.getAssessmentId(), "assessment_id");
        AssessmentAccess.checkReport(caller, assessment);
        // a destroyed report is refused before anything is recorded as read
        var report = AssessmentMessages.report(assessment);
        accessLog.record(caller, accessed(assessment));
        response.onNext(GetAttendanceReportResponse.newBuilder().setReport(report).build());
        response.onCompleted();
    }

    private void answerSession(Caller caller, Assessment assessment, String sessionId,
            Consumer<fr.bilan.proto.session.v1.Session> answer) {
        accessLog.record(caller, accessed(assessment));
        answer.accept(AssessmentMessages.toProto(assessment, assessment.session(sessionId).orElseThrow()));
    }

    /** The bilan {@code id} names, noted as what the call sets out to reach (a refusal is recorded against it). */
    private Assessment require(String id, String field) {
        new FieldViolations().requireText(field, id, Lookups.MAX_ID_LENGTH).throwIfAny();
        Assessment assessment = queries.require(id);
        accessLog.attempting(Caller.current(), accessed(assessment));
        return assessment;
    }

    /** The session {@code sessionId} names; refused as destroyed once the bilan's evidence is. */
    private static ScheduledSession requireSession(Assessment assessment, String sessionId) {
        new FieldViolations().requireText("session_id", sessionId, Lookups.MAX_ID_LENGTH).throwIfAny();
        return assessment.session(sessionId).orElseThrow(() -> new Assessment.UnknownSession(sessionId));
    }

    /** A retried booking or record names the same session or entry: its id comes from the caller's request id. */
    private static String newId(Caller caller, String requestId) {
        return requestId.isBlank() ? UUID.randomUUID().toString() : RequestKey.of(caller.subject(), requestId).substring(0, 32);
    }

    private static AccessedData accessed(Assessment assessment) {
        return AssessmentRepository.accessed(assessment);
    }
}
