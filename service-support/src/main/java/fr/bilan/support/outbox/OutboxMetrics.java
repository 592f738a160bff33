package fr.bilan.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * What an outbox shows operators, whether its relay runs or not (without a client secret it does
 * not, and the pending gauge grows), each meter tagged {@code outbox} with the outbox's name:
 * <ul>
 * <li>{@code bilan.outbox.pending}: entries not yet delivered;</li>
 * <li>{@code bilan.outbox.oldest.pending.age}: how long the oldest of them has waited (0 when none);</li>
 * <li>{@code bilan.outbox.deliveries}: acknowledged deliveries, tagged {@code first_delivery} (false
 * when the receiver already had the entry: a redelivery after a lost acknowledgement);</li>
 * <li>{@code bilan.outbox.failures}: failed attempts, tagged with the gRPC {@code code}.</li>
 * </ul>
 * The gauges query the database when read (at scrape time).
 */
public final class OutboxMetrics {

    public static final String PENDING = "bilan.outbox.pending";
    public static final String OLDEST_PENDING_AGE = "bilan.outbox.oldest.pending.age";
    public static final String DELIVERIES = "bilan.outbox.deliveries";
    public static final String FAILURES = "bilan.outbox.failures";
    public static final String OUTBOX_TAG = "outbox";

    private final MeterRegistry registry;
    private final String outbox;

    /** @param outbox the outbox's name, e.g. {@code consent} */
    public OutboxMetrics(MeterRegistry registry, String outbox, OutboxCollection entries, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        Gauge.builder(PENDING, entries, OutboxCollection::pendingCount)
                .description("Outbox entries not yet delivered")
                .tag(OUTBOX_TAG, outbox)
                .register(registry);
        TimeGauge.builder(OLDEST_PENDING_AGE, entries, TimeUnit.MILLISECONDS,
                        e -> e.oldestPendingTime().map(time -> Duration.between(time, clock.instant()).toMillis()).orElse(0L))
                .description("How long the oldest undelivered outbox entry has waited")
                .tag(OUTBOX_TAG, outbox)
                .register(registry);
    }

    public String outbox() {
        return outbox;
    }

    void delivered(boolean firstDelivery) {
        Counter.builder(DELIVERIES).description("Outbox entries acknowledged by their receiver")
                .tags(OUTBOX_TAG, outbox, "first_delivery", String.valueOf(firstDelivery)).register(registry).increment();
    }

    void failed(Status.Code code) {
        Counter.builder(FAILURES).description("Failed attempts to deliver an outbox entry")
                .tags(OUTBOX_TAG, outbox, "code", code.name()).register(registry).increment();
    }
}
