package fr.bilan.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.rules.BilanTimeline;
import fr.bilan.retention.rules.Decision;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.rules.RuleBook;

/**
 * Keeps each document's due date true to the facts: decides again every entry an event marked
 * ({@link Registry}), right after the event, and on a fixed delay for the marks a crash or a
 * concurrent event left ({@code bilan.retention.schedule.interval}). Replicas may do it at once: a
 * decision is a pure function of the facts, and one written over a newer mark is refused.
 */
@Component
public class ScheduleKeeper {

    /** Bilans decided per pass: their entries, timelines and decisions fit in a few round trips. */
    static final int BILANS_PER_PASS = 500;
    /** Passes per call at most: events arriving without pause wait for the next call, not forever. */
    private static final int MAX_PASSES = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ScheduleKeeper.class);

    private final Registry registry;
    private final Timelines timelines;
    private final RetentionPolicy policy;
    private final String rules;
    private final Clock clock;

    public ScheduleKeeper(Registry registry, Timelines timelines, RetentionPolicy policy, RuleBook ruleBook, Clock clock) {
        this.registry = registry;
        this.timelines = timelines;
        this.policy = policy;
        this.rules = ruleBook.fingerprint();
        this.clock = clock;
    }

    /** A new rule book decides again what the previous one decided. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        long marked = registry.markDecidedUnderOtherRules(rules);
        if (marked > 0) {
            log.info("Retention rules changed: {} document(s) to schedule again", marked);
        }
        catchUp();
    }

    @Scheduled(initialDelayString = "${bilan.retention.schedule.interval:10s}",
            fixedDelayString = "${bilan.retention.schedule.interval:10s}")
    void scheduled() {
        catchUp();
    }

    /** Decides every marked entry; returns how many decisions were written. */
    public int catchUp() {
        int written = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<String, String> marked = registry.markedAssessments(BILANS_PER_PASS);
            if (marked.isEmpty()) {
                break;
            }
            written += decide(marked);
        }
        return written;
    }

    /** Decides the entries of the bilans now (assessment id → beneficiary id); returns how many were written. */
    public int decide(Map<String, String> bilans) {
        Instant now = clock.instant();
        Map<String, BilanTimeline> known = timelines.of(bilans);
        List<Registry.Scheduling> schedulings = registry.pendingOf(bilans.keySet()).stream()
                .map(entry -> new Registry.Scheduling(entry, decision(entry, known.get(entry.assessmentId()), now)))
                .toList();
        return registry.writeSchedule(schedulings, rules, now);
    }

    private Optional<Decision> decision(RegisteredDocument entry, BilanTimeline timeline, Instant now) {
        return Optional.ofNullable(timeline).map(facts -> policy.decide(entry.retained(), facts, now))
                .filter(decided -> decided.dueTime().isPresent());
    }
}
