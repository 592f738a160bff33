package fr.bilan.retention.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.bilan.retention.hold.LegalHold;

/**
 * A bilan's retention schedule, as decided at the time of asking.
 *
 * @param actionEndTime empty while the action runs
 * @param regimeId      the rules governing it, known once the action has ended
 * @param destructions  its documents, soonest due first, those without a due date last
 * @param legalHolds    in the order they were set
 */
public record RetentionSchedule(String assessmentId, Optional<Instant> actionEndTime, Optional<String> regimeId,
        List<PlannedDestruction> destructions, List<LegalHold> legalHolds) {

    public RetentionSchedule {
        destructions = List.copyOf(destructions);
        legalHolds = List.copyOf(legalHolds);
    }
}
