package fr.bilan.retention.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Decides when a document must be destroyed, from the rules and the facts of its bilan at a time.
 * Pure: the same inputs give the same decision.
 * <p>
 * Periods are added in the Paris calendar, where the law's years are counted: three years after
 * an end at 10:00 on 15 March 2024 is 10:00 on 15 March 2027, Paris time, whatever the changes of
 * summer time in between; a 29 February moves to the 28th, a time skipped by the spring change
 * moves one hour later.
 */
public class RetentionPolicy {

    /** The calendar of the law: the regimes' days and the periods are counted in it. */
    public static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

    private final RuleBook rules;

    public RetentionPolicy(RuleBook rules) {
        this.rules = rules;
    }

    /**
     * The decision for the document at {@code now}: the regime of the action's start, and among its
     * rules that cover the document, the one keeping it longest (the exceptions extend the
     * retention). A rule whose condition holds keeps the document its whole period; one whose
     * condition stopped holding after the end (a consent withdrawn then) keeps it until that instant,
     * or the end of its period if that came first: a withdrawal brings the destruction forward to
     * itself, never back to the end, so the due time is never one the document was lawfully kept
     * past. A due time never precedes the document's store time.
     */
    public Decision decide(RetainedDocument document, BilanTimeline timeline, Instant now) {
        Regime regime = rules.regimeFor(LocalDate.ofInstant(timeline.actionStart(), LEGAL_ZONE));
        Optional<Instant> end = timeline.endAt(now);
        // the periods are compared from the end, or from the start while there is no end: same order
        Instant anchor = end.orElse(timeline.actionStart());
        RetentionRule longest = null;
        Instant longestUntil = null;
        for (RetentionRule rule : regime.rules()) {
            if (!rule.covers(document.kind())) {
                continue;
            }
            Optional<Instant> until = keptUntil(rule, timeline, anchor, end, now);
            if (until.isPresent() && (longest == null || until.get().isAfter(longestUntil))) {
                longest = rule;
                longestUntil = until.get();
            }
        }
        if (longest == null) {
            // RuleBook refuses a regime where a kind has no unconditional rule
            throw new IllegalStateException("No rule of regime " + regime.id() + " covers " + document.kind());
        }
        Optional<Instant> due = end.isPresent() ? Optional.of(latest(longestUntil, document.storeTime())) : Optional.empty();
        return new Decision(regime.id(), longest, due, timeline.heldAt(now));
    }

    /** Until when the rule keeps a document it covers, at {@code now}; empty when it keeps none. */
    private static Optional<Instant> keptUntil(RetentionRule rule, BilanTimeline timeline, Instant anchor,
            Optional<Instant> end, Instant now) {
        Instant periodEnd = plus(anchor, rule);
        if (rule.condition().holds(timeline, now)) {
            return Optional.of(periodEnd);
        }
        return end.flatMap(ended -> rule.condition().lastStopped(timeline, ended, now))
                .map(stopped -> stopped.isBefore(periodEnd) ? stopped : periodEnd);
    }

    private static Instant plus(Instant anchor, RetentionRule rule) {
        return anchor.atZone(LEGAL_ZONE).plus(rule.period()).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
