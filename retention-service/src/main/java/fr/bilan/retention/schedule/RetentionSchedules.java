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
import org.springframework.stereotype.Component;

import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.document.DestructionState;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.hold.LegalHold;
import fr.bilan.retention.hold.LegalHolds;
import fr.bilan.retention.rules.BilanTimeline;
import fr.bilan.retention.rules.Decision;
import fr.bilan.retention.rules.Regime;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.security.Caller;

/**
 * A bilan's retention schedule, decided on the facts at the time of asking (what the stored due
 * dates index may lag by a few seconds), and its legal holds. Reading a schedule is access-logged:
 * it tells of a person's consents. A hold set or lifted marks the bilan's documents for a new decision.
 */
@Component
public class RetentionSchedules {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedules.class);

    private final Registry registry;
    private final ActionEnds ends;
    private final LegalHolds holds;
    private final Timelines timelines;
    private final RetentionPolicy policy;
    private final RuleBook rules;
    private final BilanAccess access;
    private final AccessLog accessLog;
    private final Clock clock;

    public RetentionSchedules(Registry registry, ActionEnds ends, LegalHolds holds, Timelines timelines,
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

    /** The bilan's schedule, for a caller who may read it. */
    public RetentionSchedule scheduleOf(Caller caller, String assessmentId) {
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
        List<PlannedDestruction> destructions = entries.stream().map(entry -> destruction(entry, timeline, regime, now))
                .sorted(Comparator.comparing((PlannedDestruction destruction) -> destruction.dueTime().orElse(Instant.MAX)))
                .toList();
        RetentionSchedule schedule = new RetentionSchedule(assessmentId, end.map(ActionEnds.Ended::endTime),
                regime.map(Regime::id), destructions, holds.of(List.of(assessmentId)));
        accessed.ifPresent(data -> accessLog.record(caller, data));
        return schedule;
    }

    private PlannedDestruction destruction(RegisteredDocument entry, Optional<BilanTimeline> timeline,
            Optional<Regime> regime, Instant now) {
        if (entry.state() == DestructionState.DESTROYED) {
            // as decided when it went: a consent recorded since changes nothing any more
            return new PlannedDestruction(entry.id(), entry.kind(), entry.holder(), entry.storeTime(),
                    DestructionState.DESTROYED, entry.dueTime(), entry.destroyTime(), false,
                    regime.flatMap(governing -> governing.rules().stream()
                            .filter(rule -> rule.id().equals(entry.ruleId())).findFirst()),
                    entry.ruleVersion());
        }
        Optional<Decision> decision = timeline.map(facts -> policy.decide(entry.retained(), facts, now))
                .filter(decided -> decided.dueTime().isPresent());
        if (decision.isEmpty()) {
            return new PlannedDestruction(entry.id(), entry.kind(), entry.holder(), entry.storeTime(),
                    DestructionState.AWAITING_ACTION_END, Optional.empty(), Optional.empty(), false, Optional.empty(),
                    0);
        }
        return new PlannedDestruction(entry.id(), entry.kind(), entry.holder(), entry.storeTime(),
                DestructionState.SCHEDULED, decision.get().dueTime(), Optional.empty(), decision.get().held(),
                Optional.of(decision.get().rule()), decision.get().rule().version());
    }

    /**
     * Sets a legal hold on the bilan for a caller who may; a retried request ({@code requestId} again)
     * gets the hold it set. A blank {@code requestId} sets a new hold.
     */
    public LegalHold setHold(Caller caller, String assessmentId, String requestId, String reason) {
        String centre = access.checkHold(caller, assessmentId, knownCentre(assessmentId));
        String id = requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        LegalHold hold = holds.set(new LegalHold(id, assessmentId, centre, reason, caller.subject(), clock.instant(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        if (!hold.assessmentId().equals(assessmentId)) {
            throw new AlreadyExists("Cet identifiant de requête a déjà servi pour un autre bilan.");
        }
        registry.markAssessment(assessmentId);
        log.info("Legal hold {} on assessment {} (centre {}) set by {}", hold.id(), assessmentId, centre, hold.createBy());
        return hold;
    }

    /** Lifts a hold of the bilan for a caller who may; lifted already, it stays as it was lifted first. */
    public LegalHold liftHold(Caller caller, String assessmentId, String holdId, String reason) {
        LegalHold hold = holds.find(holdId).filter(found -> found.assessmentId().equals(assessmentId))
                .orElseThrow(() -> new NotFound("Aucune suspension " + holdId + " sur ce bilan."));
        access.checkHold(caller, assessmentId, Optional.of(hold.centreId()));
        LegalHold lifted = holds.lift(hold.id(), caller.subject(), reason, clock.instant()).orElseThrow();
        registry.markAssessment(assessmentId);
        log.info("Legal hold {} on assessment {} lifted by {}", hold.id(), assessmentId, lifted.liftBy().orElse(""));
        return lifted;
    }

    private Optional<String> knownCentre(String assessmentId) {
        return Optional.ofNullable(ends.endsOf(List.of(assessmentId)).get(assessmentId)).map(ActionEnds.Ended::centreId)
                .or(() -> registry.allOf(assessmentId).stream().findFirst().map(RegisteredDocument::centreId));
    }
}
