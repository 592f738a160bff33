package fr.bilan.retention.purge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.holder.DocumentHolders;
import fr.bilan.retention.proof.Anchor;
import fr.bilan.retention.proof.Destruction;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.retention.rules.BilanTimeline;
import fr.bilan.retention.rules.Decision;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.schedule.ScheduleKeeper;
import fr.bilan.retention.schedule.Timelines;
import com.mongodb.client.MongoCursor;

import io.grpc.StatusRuntimeException;

/**
 * One purge: every document due is destroyed by its holder, certified, then recorded destroyed,
 * batch by batch in due order. First the stored objects, then the holders' content of the bilans
 * none of whose objects remain there (with it goes the bilan's key, at a holder that has one); each
 * holder is told the funding the end of the action named, which the holder of its agreement needs.
 * <p>
 * Nothing is destroyed on the stored due date alone: each batch is decided again on the facts read
 * then (a consent granted a minute ago, a hold just set), so a late mark can delay a destruction,
 * never bring one forward. Each step is idempotent, which makes a run cut short anywhere safe to run
 * again: a holder counts an absent object as deleted, a document certified already gets its first
 * certificate back, a destroyed entry keeps its first record. An object the holder failed to delete
 * stays due, counted and retried by the next run.
 */
public class Purge {

    private static final Logger log = LoggerFactory.getLogger(Purge.class);

    private final Registry registry;
    private final ActionEnds ends;
    private final Timelines timelines;
    private final RetentionPolicy policy;
    private final ScheduleKeeper keeper;
    private final DocumentHolders holders;
    private final DestructionCertificates certificates;
    private final PurgeMetrics metrics;
    private final PurgeProperties properties;
    private final Clock clock;

    public Purge(Registry registry, ActionEnds ends, Timelines timelines, RetentionPolicy policy, ScheduleKeeper keeper,
            DocumentHolders holders, DestructionCertificates certificates, PurgeMetrics metrics,
            PurgeProperties properties, Clock clock) {
        this.registry = registry;
        this.ends = ends;
        this.timelines = timelines;
        this.policy = policy;
        this.keeper = keeper;
        this.holders = holders;
        this.certificates = certificates;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a run would destroy now, destroying nothing. */
    PurgeTally dryRun() {
        PurgeTally tally = new PurgeTally();
        work(null, tally, new Progress(null, tally));
        return tally;
    }

    /** Destroys what is due, certifying under {@code runId}; {@code progress} hears of every batch. */
    void run(String runId, PurgeTally tally, Progress progress) {
        work(runId, tally, progress);
    }

    /** Walks the due objects, then the due content, in one search each, batch by batch. */
    private void work(String runId, PurgeTally tally, Progress progress) {
        keeper.catchUp();
        Instant now = clock.instant();
        Map<String, Anchor> heads = new HashMap<>();
        for (boolean content : new boolean[] {false, true}) {
            try (MongoCursor<RegisteredDocument> search = registry.due(now, content, properties.batchSize()).cursor()) {
                while (search.hasNext()) {
                    List<RegisteredDocument> batch = new ArrayList<>(properties.batchSize());
                    while (search.hasNext() && batch.size() < properties.batchSize()) {
                        batch.add(search.next());
                    }
                    work(batch, content, runId, tally, heads);
                    progress.batchDone();
                }
            }
        }
    }

    /** One batch: decided again, then destroyed (or, in a dry run, counted). */
    private void work(List<RegisteredDocument> batch, boolean content, String runId, PurgeTally tally,
            Map<String, Anchor> heads) {
        List<Due> destroyable = destroyable(batch, tally);
        if (runId == null) {
            // a holder's content is listed as going with its objects, as in a real run where they go first
            destroyable.stream().map(Due::entry).forEach(tally::addDestroyed);
        } else if (content) {
            // the funding each end named, for the holder of its agreement: one read for the batch
            Map<String, ActionEnds.Ended> ended = ends.endsOf(destroyable.stream()
                    .map(due -> due.entry().assessmentId()).collect(Collectors.toSet()));
            destroyable.forEach(due -> eraseContent(due, ended.get(due.entry().assessmentId()).fundingId(), runId,
                    tally, heads));
        } else {
            destroyObjects(destroyable, runId, tally, heads);
        }
    }

    /** An entry destroyable now, and the decision that makes it so (its certificate names that rule). */
    private record Due(RegisteredDocument entry, Decision decision) {
    }

    /** The batch's entries destroyable on the facts read now; the held ones counted. */
    private List<Due> destroyable(List<RegisteredDocument> batch, PurgeTally tally) {
        Map<String, String> bilans = new HashMap<>();
        batch.forEach(entry -> bilans.put(entry.assessmentId(), entry.beneficiaryId()));
        Map<String, BilanTimeline> known = timelines.of(bilans);
        Instant now = clock.instant();
        List<Due> destroyable = new ArrayList<>();
        for (RegisteredDocument entry : batch) {
            BilanTimeline timeline = known.get(entry.assessmentId());
            Decision decision = timeline == null ? null : policy.decide(entry.retained(), timeline, now);
            if (decision != null && decision.destroyableAt(now)) {
                destroyable.add(new Due(entry, decision));
            } else if (decision != null && decision.held()) {
                tally.addHeld();
            } else {
                // the stored date ran ahead of the facts (a mark not decided yet): decided again, not destroyed
                registry.markAssessment(entry.assessmentId());
            }
        }
        return destroyable;
    }

    private void destroyObjects(List<Due> dues, String runId, PurgeTally tally, Map<String, Anchor> heads) {
        Map<List<String>, List<Due>> byPlace = dues.stream().collect(Collectors.groupingBy(
                due -> List.of(due.entry().holder(), due.entry().bucket()), LinkedHashMap::new, Collectors.toList()));
        List<Due> deleted = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        byPlace.forEach((place, group) -> {
            Map<String, Due> byKey = new LinkedHashMap<>();
            group.forEach(due -> byKey.put(due.entry().objectKey(), due));
            try {
                for (DocumentDeletion deletion : holders.delete(place.get(0), place.get(1), List.copyOf(byKey.keySet()))) {
                    Due due = byKey.get(deletion.getObjectKey());
                    if (due == null) {
                        continue;
                    } else if (deletion.getDeleted()) {
                        deleted.add(due);
                    } else {
                        failures.put(due.entry().id(), deletion.getFailure());
                    }
                }
            } catch (StatusRuntimeException e) {
                log.warn("Holder {} could not delete {} object(s) of bucket {}: {}", place.get(0), group.size(),
                        place.get(1), e.getStatus());
                group.forEach(due -> failures.put(due.entry().id(), "holder " + e.getStatus().getCode()));
            }
        });
        Instant destroyedAt = clock.instant();
        certify(deleted, runId, destroyedAt, tally, heads);
        registry.recordFailures(failures, destroyedAt);
        tally.addFailed(failures.size());
        metrics.failed(failures.size());
    }

    private void eraseContent(Due due, String fundingId, String runId, PurgeTally tally, Map<String, Anchor> heads) {
        RegisteredDocument entry = due.entry();
        if (registry.objectsLeft(entry.holder(), entry.assessmentId()) > 0) {
            // its key still opens objects not destroyed yet (failed, held, or due later): not before them
            return;
        }
        try {
            holders.eraseContent(entry.holder(), entry.assessmentId(), fundingId);
        } catch (StatusRuntimeException e) {
            log.warn("Holder {} could not erase the content of assessment {}: {}", entry.holder(),
                    entry.assessmentId(), e.getStatus());
            registry.recordFailures(Map.of(entry.id(), "holder " + e.getStatus().getCode()), clock.instant());
            tally.addFailed(1);
            metrics.failed(1);
            return;
        }
        certify(List.of(due), runId, clock.instant(), tally, heads);
    }

    private void certify(List<Due> destroyed, String runId, Instant destroyedAt, PurgeTally tally,
            Map<String, Anchor> heads) {
        if (destroyed.isEmpty()) {
            return;
        }
        // certified first: a crash before the mark leaves the entry due, and its certificate is found again
        certificates.appendAll(destroyed.stream()
                .map(due -> new Destruction(due.entry().centreId(), due.entry().identity(), due.entry().kind().name(),
                        due.decision().rule().id(), String.valueOf(due.decision().rule().version()),
                        due.decision().dueTime().orElseThrow(), destroyedAt, runId))
                .toList(), heads);
        registry.markDestroyed(destroyed.stream().map(due -> due.entry().id()).toList(), destroyedAt, runId);
        destroyed.forEach(due -> {
            tally.addDestroyed(due.entry());
            metrics.destroyed(due.entry());
        });
    }

    /** Logs a long run's progress every {@code progressEvery} and saves its counts. */
    static class Progress {

        private final String runId;
        private final PurgeTally tally;
        private final PurgeRuns runs;
        private final Duration every;
        private final Clock clock;
        private final Instant start;
        private Instant next;

        Progress(String runId, PurgeTally tally) {
            this(runId, tally, null, Duration.ZERO, Clock.systemUTC());
        }

        Progress(String runId, PurgeTally tally, PurgeRuns runs, Duration every, Clock clock) {
            this.runId = runId;
            this.tally = tally;
            this.runs = runs;
            this.every = every;
            this.clock = clock;
            this.start = clock.instant();
            this.next = start.plus(every);
        }

        void batchDone() {
            Instant now = clock.instant();
            if (runs == null || now.isBefore(next)) {
                return;
            }
            next = now.plus(every);
            runs.progress(runId, tally);
            log.info("Purge run {}: {} destroyed ({} bytes), {} failed, {} held so far, {} s in", runId,
                    tally.destroyed(), tally.bytes(), tally.failed(), tally.held(),
                    Duration.between(start, now).toSeconds());
        }
    }
}
