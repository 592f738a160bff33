package fr.bilan.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.CreateLegalHoldRequest;
import fr.bilan.proto.retention.v1.CreateLegalHoldResponse;
import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.proto.retention.v1.GetRetentionScheduleRequest;
import fr.bilan.proto.retention.v1.GetRetentionScheduleResponse;
import fr.bilan.proto.retention.v1.LiftLegalHoldRequest;
import fr.bilan.proto.retention.v1.LiftLegalHoldResponse;
import fr.bilan.proto.retention.v1.RetentionSchedule;
import fr.bilan.proto.retention.v1.RetentionScheduleServiceGrpc;
import fr.bilan.proto.retention.v1.ScheduledDestruction;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.hold.LegalHold;
import fr.bilan.retention.hold.LegalHolds;
import fr.bilan.retention.rules.BilanTimeline;
import fr.bilan.retention.rules.Decision;
import fr.bilan.retention.rules.Regime;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.rules.RetentionRule;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * A bilan's retention schedule, decided on the facts at the time of asking (what the stored due
 * dates index may lag by a few seconds), and its legal holds. Reading a schedule is access-logged:
 * it tells of a person's consents.
 */
@GrpcService
class RetentionScheduleGrpcService extends RetentionScheduleServiceGrpc.RetentionScheduleServiceImplBase {

    /** A hold's reason or lifting reason: a few words, not a file. */
    static final int MAX_REASON_LENGTH = 500;
    private static final Logger log = LoggerFactory.getLogger(RetentionScheduleGrpcService.class);

    private final Registry registry;
    private final ActionEnds ends;
    private final LegalHolds holds;
    private final Timelines timelines;
    private final RetentionPolicy policy;
    private final RuleBook rules;
    private final BilanAccess access;
    private final AccessLog accessLog;
    private final Clock clock;

    RetentionScheduleGrpcService(Registry registry, ActionEnds ends, LegalHolds holds, Timelines timelines,
            RetentionPolicy policy, RuleBook rules, BilanAccess access, AccessLog accessLog, Clock clock) {
        this.registry = registry;
        this.ends = ends;
        this.holds = holds;
        this.timelines = timelines;
        this.policy = policy;
        this.rules = rules;
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void getRetentionSchedule(GetRetentionScheduleRequest request,
            StreamObserver<GetRetentionScheduleResponse> response) {
        String assessmentId = request.getAssessmentId().strip();
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH).throwIfAny();
        Caller caller = Caller.current();
        List<RegisteredDocument> entries = registry.allOf(assessmentId);
        Optional<ActionEnds.Ended> end = Optional.ofNullable(ends.endsOf(List.of(assessmentId)).get(assessmentId));
        Optional<String> centre = end.map(ActionEnds.Ended::centreId)
                .or(() -> entries.stream().findFirst().map(RegisteredDocument::centreId));
        Optional<String> beneficiary = end.map(ActionEnds.Ended::beneficiaryId)
                .or(() -> entries.stream().findFirst().map(RegisteredDocument::beneficiaryId));
        // whose schedule it is, once known: a refusal is recorded against them
        Optional<AccessedData> accessed = beneficiary.map(id -> AccessedData.of("retentionSchedules", assessmentId, id,
                centre.orElse("")));
        accessed.ifPresent(data -> accessLog.attempting(caller, data));
        access.checkRead(caller, assessmentId, centre);

        Instant now = clock.instant();
        Optional<BilanTimeline> timeline = beneficiary
                .map(id -> timelines.of(Map.of(assessmentId, id)).get(assessmentId));
        Optional<Regime> regime = end.map(ended -> rules.regimeFor(LocalDate.ofInstant(ended.startTime(),
                RetentionPolicy.LEGAL_ZONE)));
        RetentionSchedule.Builder schedule = RetentionSchedule.newBuilder().setAssessmentId(assessmentId);
        end.ifPresent(ended -> schedule.setActionEndTime(ProtoTime.of(ended.endTime())));
        regime.ifPresent(governing -> schedule.setRegime(governing.id()));
        entries.stream().map(entry -> destruction(entry, timeline, regime, now))
                .sorted(Comparator.comparing((ScheduledDestruction destruction) -> destruction.hasDueTime()
                        ? ProtoTime.toInstant(destruction.getDueTime()) : Instant.MAX))
                .forEach(schedule::addDestructions);
        holds.of(List.of(assessmentId)).forEach(hold -> schedule.addLegalHolds(LegalHoldMessages.toProto(hold)));
        accessed.ifPresent(data -> accessLog.record(caller, data));
        response.onNext(GetRetentionScheduleResponse.newBuilder().setRetentionSchedule(schedule).build());
        response.onCompleted();
    }

    private ScheduledDestruction destruction(RegisteredDocument entry, Optional<BilanTimeline> timeline,
            Optional<Regime> regime, Instant now) {
        ScheduledDestruction.Builder destruction = ScheduledDestruction.newBuilder().setDocumentId(entry.id())
                .setKind(entry.kind()).setHolder(entry.holder()).setStoreTime(ProtoTime.of(entry.storeTime()));
        if (entry.state() == DestructionState.DESTROYED) {
            // as decided when it went: a consent recorded since changes nothing any more
            destruction.setState(DestructionState.DESTROYED).setDestroyTime(ProtoTime.of(entry.destroyTime().orElseThrow()));
            entry.dueTime().ifPresent(due -> destruction.setDueTime(ProtoTime.of(due)));
            regime.flatMap(governing -> governing.rules().stream().filter(rule -> rule.id().equals(entry.ruleId()))
                    .findFirst()).ifPresent(rule -> describe(destruction, rule).setRuleVersion(
                            String.valueOf(entry.ruleVersion())));
            return destruction.build();
        }
        Optional<Decision> decision = timeline.map(facts -> policy.decide(entry.retained(), facts, now))
                .filter(decided -> decided.dueTime().isPresent());
        if (decision.isEmpty()) {
            return destruction.setState(DestructionState.AWAITING_ACTION_END).build();
        }
        describe(destruction, decision.get().rule());
        return destruction.setState(DestructionState.SCHEDULED).setHeld(decision.get().held())
                .setDueTime(ProtoTime.of(decision.get().dueTime().orElseThrow())).build();
    }

    private static ScheduledDestruction.Builder describe(ScheduledDestruction.Builder destruction, RetentionRule rule) {
        return destruction.setRuleId(rule.id()).setRuleVersion(String.valueOf(rule.version()))
                .setLegalSource(rule.source()).setRuleLabel(rule.label());
    }

    @Override
    public void createLegalHold(CreateLegalHoldRequest request, StreamObserver<CreateLegalHoldResponse> response) {
        FieldViolations violations = new FieldViolations();
        String assessmentId = request.getAssessmentId().strip();
        violations.requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH)
                .requireFreeText("legal_hold.reason", request.getLegalHold().getReason().strip(), MAX_REASON_LENGTH);
        if (request.getRequestId().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("request_id", "L'identifiant de requête dépasse " + Lookups.MAX_ID_LENGTH + " caractères.");
        }
        violations.throwIfAny();
        Caller caller = Caller.current();
        String centre = access.checkHold(caller, assessmentId, knownCentre(assessmentId));
        String id = request.getRequestId().isBlank() ? UUID.randomUUID().toString() : request.getRequestId();
        LegalHold hold = holds.set(new LegalHold(id, assessmentId, centre, request.getLegalHold().getReason().strip(),
                caller.subject(), clock.instant(), Optional.empty(), Optional.empty(), Optional.empty()));
        if (!hold.assessmentId().equals(assessmentId)) {
            throw Status.ALREADY_EXISTS.withDescription("Cet identifiant de requête a déjà servi pour un autre bilan.")
                    .asRuntimeException();
        }
        registry.markAssessment(assessmentId);
        log.info("Legal hold {} on assessment {} (centre {}) set by {}", hold.id(), assessmentId, centre, hold.createBy());
        response.onNext(CreateLegalHoldResponse.newBuilder().setLegalHold(LegalHoldMessages.toProto(hold)).build());
        response.onCompleted();
    }

    @Override
    public void liftLegalHold(LiftLegalHoldRequest request, StreamObserver<LiftLegalHoldResponse> response) {
        FieldViolations violations = new FieldViolations();
        String assessmentId = request.getAssessmentId().strip();
        violations.requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH)
                .requireText("legal_hold_id", request.getLegalHoldId(), Lookups.MAX_ID_LENGTH)
                .requireFreeText("reason", request.getReason().strip(), MAX_REASON_LENGTH);
        violations.throwIfAny();
        Caller caller = Caller.current();
        LegalHold hold = holds.find(request.getLegalHoldId()).filter(found -> found.assessmentId().equals(assessmentId))
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("Aucune suspension " + request.getLegalHoldId()
                        + " sur ce bilan.").asRuntimeException());
        access.checkHold(caller, assessmentId, Optional.of(hold.centreId()));
        LegalHold lifted = holds.lift(hold.id(), caller.subject(), request.getReason().strip(), clock.instant())
                .orElseThrow();
        registry.markAssessment(assessmentId);
        log.info("Legal hold {} on assessment {} lifted by {}", hold.id(), assessmentId, lifted.liftBy().orElse(""));
        response.onNext(LiftLegalHoldResponse.newBuilder().setLegalHold(LegalHoldMessages.toProto(lifted)).build());
        response.onCompleted();
    }

    private Optional<String> knownCentre(String assessmentId) {
        return Optional.ofNullable(ends.endsOf(List.of(assessmentId)).get(assessmentId)).map(ActionEnds.Ended::centreId)
                .or(() -> registry.allOf(assessmentId).stream().findFirst().map(RegisteredDocument::centreId));
    }
}
