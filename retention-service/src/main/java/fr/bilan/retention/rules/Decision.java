package fr.bilan.retention.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the policy decided for a document at a time: when it must be destroyed and why.
 *
 * @param regimeId the regime the rule belongs to
 * @param rule     the rule the due time comes from: id, version, source and French label; when a
 *                 consent withdrawn after the end set it, the exception that kept the document until then
 * @param dueTime  when it must be destroyed; empty while the action has not ended, as nothing is
 *                 due before an end
 * @param held     whether a legal hold suspends its destruction; a hold never moves the due time
 */
public record Decision(String regimeId, RetentionRule rule, Optional<Instant> dueTime, boolean held) {

    /** Whether the purge may destroy the document at {@code now}, the facts being those decided on. */
    public boolean destroyableAt(Instant now) {
        return !held && dueTime.filter(due -> !due.isAfter(now)).isPresent();
    }
}
