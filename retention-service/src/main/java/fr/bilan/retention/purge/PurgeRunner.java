package fr.bilan.retention.purge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.NotFound;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Starts purge runs, one at a time across replicas: a run holds a ShedLock lock in MongoDB, leased
 * for {@code lock-lease} and renewed while it lives (so the lock of a process that died frees
 * within a lease, and the next run resumes what it left). The schedule's run goes on in the
 * scheduler's thread; one asked for goes on in the background, its id answered at once.
 */
public class PurgeRunner {

    static final String LOCK = "retention-purge";
    private static final Logger log = LoggerFactory.getLogger(PurgeRunner.class);

    private final Purge purge;
    private final PurgeRuns runs;
    private final PurgeMetrics metrics;
    private final LockProvider locks;
    private final PurgeProperties properties;
    private final Executor background;
    private final Clock clock;

    public PurgeRunner(Purge purge, PurgeRuns runs, PurgeMetrics metrics, LockProvider locks,
            PurgeProperties properties, Executor background, Clock clock) {
        this.purge = purge;
        this.runs = runs;
        this.metrics = metrics;
        this.locks = locks;
        this.properties = properties;
        this.background = background;
        this.clock = clock;
    }

    @Scheduled(cron = "${bilan.retention.purge.cron:0 0 2 * * *}", zone = "${bilan.retention.purge.zone:Europe/Paris}")
    void scheduled() {
        if (runNow(PurgeTrigger.SCHEDULE, null).isEmpty()) {
            log.info("Scheduled purge skipped: another replica is running one");
        }
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT1M")
    void refreshMetrics() {
        metrics.refresh();
    }

    /** Runs a purge in this thread if none runs; its id, or empty when another runs. */
    public Optional<String> runNow(PurgeTrigger trigger, String by) {
        return start(trigger, by, Runnable::run);
    }

    /** Starts a purge in the background if none runs; its id, or empty when another runs. */
    public Optional<String> runInBackground(PurgeTrigger trigger, String by) {
        return start(trigger, by, background);
    }

    /** What a run would destroy now. */
    public PurgeTally dryRun() {
        return purge.dryRun();
    }

    /** Starts a run asked for by {@code by}, in the background; refused while another runs. */
    public PurgeRun startOnDemand(String by) {
        String id = runInBackground(PurgeTrigger.ON_DEMAND, by).orElseThrow(() -> new Conflict(
                "Une purge est déjà en cours : suivez-la, ou réessayez une fois qu'elle sera finie."));
        log.info("Purge run {} asked for by {}", id, by);
        return runs.find(id).orElseThrow();
    }

    /** The run of that id, as far as it went. */
    public PurgeRun find(String id) {
        return runs.find(id).orElseThrow(() -> new NotFound("Aucune purge " + id + "."));
    }

    private Optional<String> start(PurgeTrigger trigger, String by, Executor executor) {
        // the lease is real time between replicas, whatever the application's clock says
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, properties.lockLease(),
                Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        String runId = UUID.randomUUID().toString();
        try {
            Instant now = clock.instant();
            long interrupted = runs.closeInterrupted(now);
            if (interrupted > 0) {
                log.warn("{} purge run(s) had stopped before their end (their process died): this run resumes them",
                        interrupted);
            }
            runs.start(runId, trigger, by, now);
            executor.execute(() -> run(runId, trigger, lock.get()));
        } catch (RuntimeException e) {
            lock.get().unlock();
            throw e;
        }
        return Optional.of(runId);
    }

    private void run(String runId, PurgeTrigger trigger, SimpleLock lock) {
        Instant start = clock.instant();
        PurgeTally tally = new PurgeTally();
        Optional<String> failure = Optional.empty();
        log.info("Purge run {} ({}) started", runId, trigger);
        try {
            purge.run(runId, tally, new Purge.Progress(runId, tally, runs, properties.progressEvery(), clock));
        } catch (RuntimeException e) {
            log.error("Purge run {} stopped: {}", runId, e.toString(), e);
            failure = Optional.of("Arrêtée par une erreur (" + e.getClass().getSimpleName()
                    + ") : ce qui restait est repris par la purge suivante.");
        } finally {
            Instant end = clock.instant();
            try {
                runs.finish(runId, tally, failure, end);
                metrics.ran(trigger, failure.isEmpty(), Duration.between(start, end));
                metrics.refresh();
            } finally {
                lock.unlock();
            }
            log.info("Purge run {} {}: {} destroyed ({} bytes), {} failed, {} held, in {} ms", runId,
                    failure.isEmpty() ? "done" : "failed", tally.destroyed(), tally.bytes(), tally.failed(),
                    tally.held(), Duration.between(start, end).toMillis());
        }
    }
}
