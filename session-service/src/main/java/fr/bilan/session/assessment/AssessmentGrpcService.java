package fr.bilan.session.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.conversions.Bson;
import org.springframework.grpc.server.service.GrpcService;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.ConsentKind;
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
import fr.bilan.proto.session.v1.ReassignConsultantResponse;
import fr.bilan.proto.session.v1.RescheduleSessionRequest;
import fr.bilan.proto.session.v1.RescheduleSessionResponse;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.ScheduleSessionResponse;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignAttendanceResponse;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.session.availability.AvailabilityRepository;
import fr.bilan.session.beneficiary.BeneficiaryDirectory.BeneficiaryRef;
import fr.bilan.session.beneficiary.BeneficiaryDirectory.FundingRef;
import fr.bilan.session.beneficiary.BeneficiaryDirectory;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.calendar.ConsultantAvailability;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.Slot;
import fr.bilan.session.calendar.SlotFinder;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Etags;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of bilans and their sessions: checks each request field by field, scopes it to the
 * caller, lets the domain decide ({@link Assessment}), applies the change ({@link AssessmentChanges})
 * and records the access.
 */
@GrpcService
class AssessmentGrpcService extends AssessmentServiceGrpc.AssessmentServiceImplBase {

    private static final int MAX_PROPOSALS = 20;
    private static final int MAX_PLAN_SESSIONS = 20;
    private static final Duration DEFAULT_PLANNED_LENGTH = Duration.ofHours(2);

    private final AssessmentRepository repository;
    private final AssessmentChanges changes;
    private final BeneficiaryDirectory directory;
    private final CentreProperties centres;
    private final FollowUpOffer followUp;
    private final AvailabilityRepository availabilities;
    private final SessionPlanning planning;
    private final AccessLog accessLog;
    private final Clock clock;

    AssessmentGrpcService(AssessmentRepository repository, AssessmentChanges changes, BeneficiaryDirectory directory,
            CentreProperties centres, FollowUpOffer followUp, AvailabilityRepository availabilities,
            SessionPlanning planning, AccessLog accessLog, Clock clock) {
        this.availabilities = availabilities;
        this.planning = planning;
        this.repository = repository;
        this.changes = changes;
        this.directory = directory;
        this.centres = centres;
        this.followUp = followUp;
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
        boolean manager = caller.hasRole(AssessmentAccess.CENTRE_MANAGER);
        String consultant = asked.getConsultantId().isEmpty() && !manager ? caller.subject() : asked.getConsultantId();
        if (consultant.isEmpty()) {
            violations.add("assessment.consultant_id", "Indiquez le consultant qui mènera le bilan.");
        } else if (consultant.length() > Lookups.MAX_ID_LENGTH) {
            violations.add("assessment.consultant_id", "Identifiant de consultant trop long.");
        }
        violations.throwIfAny();
        // beneficiary-service decides whether the caller reaches the beneficiary
        BeneficiaryRef beneficiary = directory.beneficiary(asked.getBeneficiaryId());
        if (!AssessmentAccess.holdsInCentre(caller, AssessmentAccess.CENTRE_MANAGER, beneficiary.centreId())
                && !(consultant.equals(caller.subject())
                        && AssessmentAccess.holdsInCentre(caller, AssessmentAccess.CONSULTANT, beneficiary.centreId()))) {
            throw AssessmentAccess.denied("Un consultant ouvre un bilan pour lui-même ; un responsable du centre du "
                    + "bénéficiaire peut l'ouvrir pour un autre consultant.");
        }
        String fundingId = asked.getFundingId().isEmpty() ? null : requireFundingOf(asked.getFundingId(),
                beneficiary.id(), "assessment.funding_id").id();
        if (!beneficiary.consultantIds().contains(consultant)) {
            directory.assignConsultant(beneficiary.id(), consultant);
        }
        Assessment opened = repository.create(Assessment.open(UUID.randomUUID().toString(), beneficiary.id(),
                beneficiary.accountId(), beneficiary.centreId(), consultant, fundingId,
                DeliveryFormat.valueOf(asked.getFormat().name()), caller.subject(), clock.instant()),
                beneficiary.version(), RequestKey.of(caller.subject(), request.getRequestId()));
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
        Bson scope = scope(caller, request.getCentreId());
        PageTokens tokens = PageTokens.boundTo(caller.subject(), request.getCentreId(), states);
        Optional<List<String>> position = tokens.positionOf(request.getPageToken(), 2);
        List<Assessment> page;
        try {
            page = repository.page(Filters.and(scope, AssessmentRepository.inStates(states)),
                    position.map(keys -> Instant.parse(keys.get(0))), position.map(keys -> keys.get(1)), size + 1);
        } catch (DateTimeParseException e) {
            throw PageTokens.invalidToken();
        }
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

    /**
     * The bilans a caller lists: a manager those of their centres (or the one asked, if theirs), a
     * consultant those assigned to them, a beneficiary their own.
     */
    private static Bson scope(Caller caller, String centreId) {
        if (!centreId.isEmpty() && !caller.centres().contains(centreId)) {
            throw AssessmentAccess.denied("Vous n'avez accès qu'aux bilans de vos centres.");
        }
        Set<String> centres = centreId.isEmpty() ? caller.centres() : Set.of(centreId);
        if (caller.hasRole(AssessmentAccess.CENTRE_MANAGER)) {
            return AssessmentRepository.inCentres(centres);
        }
        if (caller.hasRole(AssessmentAccess.CONSULTANT)) {
            return Filters.and(AssessmentRepository.ledBy(caller.subject()), AssessmentRepository.inCentres(centres));
        }
        return AssessmentRepository.ofAccount(caller.subject());
    }

    @Override
    public void reassignConsultant(ReassignConsultantRequest request, StreamObserver<ReassignConsultantResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("consultant_id", request.getConsultantId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        Assessment read = require(request.getId(), "id");
        AssessmentAccess.checkManager(caller, read.centreId());
        directory.assignConsultant(read.beneficiaryId(), request.getConsultantId());
        Assessment changed = changes.apply(read.id(),
                assessment -> assessment.reassign(request.getConsultantId(), caller.subject(), clock.instant()));
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
        // the funding is read from beneficiary-service before the change, not inside it
        String fundingId = request.getFundingId().isEmpty() ? read.fundingId() : request.getFundingId();
        boolean fundingConfirmed = false;
        if (to == AssessmentState.FUNDING_AGREED && read.state() != to) {
            if (fundingId == null) {
                throw FieldViolations.of("funding_id", "Indiquez le financement de ce bilan.");
            }
            FundingRef funding = requireFundingOf(fundingId, read.beneficiaryId(), "funding_id");
            // R6313-5: the provider the consultants work for may not be the employer paying
            centres.providerSiret(read.centreId())
                    .ifPresent(provider -> ConsultantEligibility.checkAssignable(provider, funding.employerSiret()));
            fundingConfirmed = funding.confirmed();
        }
        boolean confirmed = fundingConfirmed;
        // L6313-1: the bilan proper starts only with the beneficiary's consent, as their ledger says now
        boolean consented = to == AssessmentState.PRELIMINARY && read.state() != to
                && AssessmentLifecycle.next(read.state()).contains(to)
                && directory.consentInForce(read.beneficiaryId(), ConsentKind.PARTICIPATION);
        long expected = Etags.expectedVersion(request.getEtag(), -2);
        Assessment moved = changes.apply(read.id(), assessment -> {
            if (expected != -2 && expected != assessment.version()) {
                throw Status.ABORTED.withDescription("Ce bilan a changé depuis votre lecture : relisez-le avant de le "
                        + "faire avancer.").asRuntimeException();
            }
            Assessment funded = fundingId == null || fundingId.equals(assessment.fundingId()) ? assessment
                    : assessment.fundedBy(fundingId);
            Assessment result = funded.move(to, request.getReason(), confirmed, consented, clock.instant(), followUp,
                    centres.rules(assessment.centreId()).zone().zone());
            return result == funded ? assessment : result;
        });
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
        String sessionId = sessionId(caller, request.getRequestId());
        Assessment changed = changes.apply(read.id(), assessment -> {
            Instant now = clock.instant();
            return assessment.session(sessionId).isPresent() ? assessment
                    : assessment.schedule(ScheduledSession.planned(sessionId, phase.get(), new Slot(start, length),
                            place, assessment.consultantId(), now), centres.rules(assessment.centreId()),
                            availabilityOf(assessment), now);
        });
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
        Duration length = request.hasDuration()
                ? SessionRequests.duration(true, request.getDuration(), "duration", violations)
                : current.slot().duration();
        boolean newPlace = !request.getRoomId().isEmpty() || !request.getVideoLink().isEmpty();
        Place place = newPlace ? SessionRequests.place(request.getRoomId(), request.getVideoLink(), read.centreId(),
                centres, "", violations) : current.place();
        violations.throwIfAny();
        Slot slot = new Slot(start, length);
        Assessment changed = changes.apply(read.id(), assessment -> assessment.session(current.id())
                .filter(session -> session.slot().equals(slot) && session.place().equals(place)).isPresent() ? assessment
                : assessment.reschedule(current.id(), slot, place, centres.rules(assessment.centreId()),
                        availabilityOf(assessment), clock.instant()));
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
        Assessment changed = changes.apply(read.id(),
                assessment -> assessment.cancel(sessionId, request.getReason().strip(), clock.instant()));
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
        if (request.getMethod() == SignatureMethod.SIGNATURE_METHOD_UNSPECIFIED
                || request.getMethod() == SignatureMethod.UNRECOGNIZED) {
            throw FieldViolations.of("method", "Indiquez comment la feuille d'émargement est signée.");
        }
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        ScheduledSession session = requireSession(read, request.getSessionId());
        Signer signer = signer(caller, read, session, request);
        AttendanceSignature signature = new AttendanceSignature(signer, clock.instant(), request.getMethod().name());
        Assessment changed = changes.apply(read.id(), assessment -> assessment.sign(session.id(), signature));
        answerSession(caller, changed, session.id(),
                signed -> response.onNext(SignAttendanceResponse.newBuilder().setSession(signed).build()));
        response.onCompleted();
    }

    @Override
    public void markAbsent(MarkAbsentRequest request, StreamObserver<MarkAbsentResponse> response) {
        Caller caller = Caller.current();
        Assessment read = require(request.getAssessmentId(), "assessment_id");
        ScheduledSession session = requireSession(read, request.getSessionId());
        if (!caller.subject().equals(session.consultantId())
                || !caller.centres().contains(read.centreId())) {
            throw AssessmentAccess.denied("Seul le consultant de la séance peut noter l'absence du bénéficiaire.");
        }
        Assessment changed = changes.apply(read.id(), assessment -> assessment.markAbsent(session.id(), clock.instant()));
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
        planning.proposePlan(assessment, length, after, room)
                .forEach(proposed -> answer.addSessions(AssessmentMessages.toProto(proposed.phase(), proposed.slot())));
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
        List<Phase> phases = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
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
                phases.add(phase.get());
                slots.add(new Slot(start, length));
            }
        }
        violations.throwIfAny();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ids.add(sessionId(caller, request.getRequestId().isBlank() ? "" : request.getRequestId() + "#" + i));
        }
        Assessment changed = changes.apply(read.id(), assessment -> {
            if (assessment.session(ids.get(0)).isPresent()) {
                return assessment;
            }
            Instant now = clock.instant();
            List<ScheduledSession> plan = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                plan.add(ScheduledSession.planned(ids.get(i), phases.get(i), slots.get(i), place,
                        assessment.consultantId(), now));
            }
            return assessment.scheduleAll(plan, centres.rules(assessment.centreId()), availabilityOf(assessment), now);
        });
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

    /**
     * Whose signature it is: the beneficiary signs as themself, the session's consultant as
     * themself, or for the beneficiary from a signed paper sheet.
     */
    private static Signer signer(Caller caller, Assessment assessment, ScheduledSession session,
            SignAttendanceRequest request) {
        boolean consultant = caller.hasRole(AssessmentAccess.CONSULTANT) && caller.subject().equals(session.consultantId())
                && caller.centres().contains(assessment.centreId());
        boolean beneficiary = AssessmentAccess.isBeneficiary(caller, assessment);
        var asked = request.getSigner();
        if (beneficiary && asked != fr.bilan.proto.session.v1.Signer.CONSULTANT_SIGNER) {
            return Signer.BENEFICIARY;
        }
        if (consultant && asked == fr.bilan.proto.session.v1.Signer.BENEFICIARY_SIGNER) {
            if (request.getMethod() != SignatureMethod.PAPER_SHEET) {
                throw AssessmentAccess.denied("Le consultant ne reporte la signature du bénéficiaire que depuis une "
                        + "feuille d'émargement papier signée (PAPER_SHEET).");
            }
            return Signer.BENEFICIARY;
        }
        if (consultant) {
            return Signer.CONSULTANT;
        }
        throw AssessmentAccess.denied("Seuls le bénéficiaire et le consultant de la séance signent sa feuille "
                + "d'émargement, chacun pour soi.");
    }

    private ConsultantAvailability availabilityOf(Assessment assessment) {
        return availabilities.of(assessment.consultantId()).availability();
    }

    private FundingRef requireFundingOf(String fundingId, String beneficiaryId, String field) {
        if (fundingId.length() > Lookups.MAX_ID_LENGTH) {
            throw FieldViolations.of(field, "Identifiant de financement trop long.");
        }
        FundingRef funding = directory.funding(fundingId);
        if (!funding.beneficiaryId().equals(beneficiaryId)) {
            throw FieldViolations.of(field, "Ce financement est celui d'un autre bénéficiaire.");
        }
        return funding;
    }

    private void answerSession(Caller caller, Assessment assessment, String sessionId,
            Consumer<fr.bilan.proto.session.v1.Session> answer) {
        accessLog.record(caller, accessed(assessment));
        answer.accept(AssessmentMessages.toProto(assessment, assessment.session(sessionId).orElseThrow()));
    }

    /** The bilan {@code id} names, noted as what the call sets out to reach (a refusal is recorded against it). */
    private Assessment require(String id, String field) {
        Assessment assessment = Lookups.require(field, id, repository::find, () -> Status.NOT_FOUND
                .withDescription("Aucun bilan n'a l'identifiant « " + id + " ».").asRuntimeException());
        accessLog.attempting(Caller.current(), accessed(assessment));
        return assessment;
    }

    /** The session {@code sessionId} names; refused as destroyed once the bilan's evidence is. */
    private static ScheduledSession requireSession(Assessment assessment, String sessionId) {
        return Lookups.require("session_id", sessionId, assessment::session, () -> Status.NOT_FOUND
                .withDescription("Ce bilan n'a pas de séance « " + sessionId + " ».").asRuntimeException());
    }

    /** A retried booking names the same session: its id comes from the caller's request id. */
    private static String sessionId(Caller caller, String requestId) {
        return requestId.isBlank() ? UUID.randomUUID().toString() : RequestKey.of(caller.subject(), requestId).substring(0, 32);
    }

    private static AccessedData accessed(Assessment assessment) {
        return AssessmentRepository.accessed(assessment);
    }
}
