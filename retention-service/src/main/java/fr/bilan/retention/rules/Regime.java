package fr.bilan.retention.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force for the actions started within a period of days (Paris calendar): a change of
 * the law applies to the actions begun after it, the others keep the rules they started under.
 *
 * @param startedFrom   first day of the actions it covers; empty for the first regime
 * @param startedBefore the day after the last one; empty for the regime in force
 */
public record Regime(String id, String label, String source, Optional<LocalDate> startedFrom,
        Optional<LocalDate> startedBefore, List<RetentionRule> rules) {

    public Regime {
        rules = List.copyOf(rules);
    }

    boolean covers(LocalDate actionStartDay) {
        return startedFrom.map(from -> !actionStartDay.isBefore(from)).orElse(true)
                && startedBefore.map(actionStartDay::isBefore).orElse(true);
    }
}
