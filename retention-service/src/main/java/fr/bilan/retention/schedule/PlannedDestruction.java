package fr.bilan.retention.schedule;

import java.time.Instant;
import java.util.Optional;

import fr.bilan.retention.document.DestructionState;
import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.retention.rules.RetentionRule;

/**
 * One document's destruction as a bilan's schedule shows it.
 *
 * @param dueTime     empty while the action runs
 * @param destroyTime present once destroyed
 * @param held        whether a legal hold suspends it now
 * @param rule        the rule it is (or was) due under; empty while the action runs, or when a
 *                    destroyed document's rule is no longer in the rule book
 * @param ruleVersion the version it is due under: the rule's, or for a destroyed document the one
 *                    it was destroyed under
 */
public record PlannedDestruction(String documentId, DocumentKind kind, String holder, Instant storeTime,
        DestructionState state, Optional<Instant> dueTime, Optional<Instant> destroyTime, boolean held,
        Optional<RetentionRule> rule, int ruleVersion) {
}
