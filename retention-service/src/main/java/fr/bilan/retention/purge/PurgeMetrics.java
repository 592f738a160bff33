package fr.bilan.retention.purge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The purge's meters: {@code bilan.retention.documents.due} (due now, not held),
 * {@code bilan.retention.documents.overdue} (due longer ago than {@code overdue-after}: what the
 * alert watches), {@code bilan.retention.documents.held} (due, kept by a legal hold), counted from
 * the registry after each run and every minute rather than on every scrape;
 * {@code bilan.retention.purge.destroyed} (by {@code kind}), {@code bilan.retention.purge.destroyed.bytes},
 * {@code bilan.retention.purge.failures}, {@code bilan.retention.purge.runs} (timer, by
 * {@code trigger} and {@code outcome}) and {@code bilan.retention.purge.last.success} (epoch seconds).
 */
public class PurgeMetrics {

    private final MeterRegistry meters;
    private final Registry registry;
    private final Duration overdueAfter;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Counter bytes;
    private final Counter failures;

    public PurgeMetrics(MeterRegistry meters, Registry registry, Duration overdueAfter, Clock clock) {
        this.meters = meters;
        this.registry = registry;
        this.overdueAfter = overdueAfter;
        this.clock = clock;
        Gauge.builder("bilan.retention.documents.due", due, AtomicLong::get)
                .description("Documents past their due date, no legal hold keeping them, not destroyed yet").register(meters);
        Gauge.builder("bilan.retention.documents.overdue", overdue, AtomicLong::get)
                .description("Documents due for longer than bilan.retention.purge.overdue-after, not destroyed")
                .register(meters);
        Gauge.builder("bilan.retention.documents.held", held, AtomicLong::get)
                .description("Documents past their due date kept by a legal hold").register(meters);
        Gauge.builder("bilan.retention.purge.last.success", lastSuccess, AtomicLong::get)
                .description("When the last purge run succeeded (epoch seconds; 0 before the first)").register(meters);
        this.bytes = Counter.builder("bilan.retention.purge.destroyed.bytes").baseUnit("bytes")
                .description("Stored bytes destroyed").register(meters);
        this.failures = Counter.builder("bilan.retention.purge.failures")
                .description("Destructions that failed (the documents stay due)").register(meters);
    }

    /** Counts the due, overdue and held documents again. */
    public void refresh() {
        Instant now = clock.instant();
        due.set(registry.countDue(now, false));
        overdue.set(registry.countDue(now.minus(overdueAfter), false));
        held.set(registry.countDue(now, true));
    }

    void destroyed(RegisteredDocument entry) {
        meters.counter("bilan.retention.purge.destroyed", "kind", entry.kind().name()).increment();
        bytes.increment(entry.sizeBytes());
    }

    void failed(long count) {
        failures.increment(count);
    }

    void ran(PurgeTrigger trigger, boolean succeeded, Duration took) {
        Timer.builder("bilan.retention.purge.runs").description("Purge runs, by trigger and outcome")
                .tag("trigger", trigger.name().toLowerCase()).tag("outcome", succeeded ? "succeeded" : "failed")
                .register(meters).record(took);
        if (succeeded) {
            lastSuccess.set(clock.instant().getEpochSecond());
        }
    }
}
