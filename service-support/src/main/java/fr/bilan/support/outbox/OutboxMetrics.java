package fr.bilan.beneficiary.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * What the outbox shows operators, whether the relay runs or not (without a client secret it does
 * not, and the pending gauge grows):
 * <ul>
 * <li>{@code bilan.outbox.pending}: consent records not yet delivered;</li>
 * <li>{@code bilan.outbox.oldest.pending.age}: how long the oldest of them has waited (0 when none);</li>
 * <li>{@code bilan.outbox.deliveries}: acknowledged deliveries, tagged {@code first_delivery} (false
 * when retention-service already had the record: a redelivery after a lost acknowledgement);</li>
 * <li>{@code bilan.outbox.failures}: failed attempts, tagged with the gRPC {@code code}.</li>
 * </ul>
 * The gauges query the database when read (at scrape time).
 */
class OutboxMetrics {

    static final String PENDING = "bilan.outbox.pending";
    static final String OLDEST_PENDING_AGE = "bilan.outbox.oldest.pending.age";
    static final String DELIVERIES = "bilan.outbox.deliveries";
    static final String FAILURES = "bilan.outbox.failures";

    private final MeterRegistry registry;

    OutboxMetrics(MeterRegistry registry, ConsentOutbox outbox, Clock clock) {
        this.registry = registry;
        Gauge.builder(PENDING, outbox, ConsentOutbox::pendingCount)
                .description("Consent records not yet delivered to retention-service")
                .register(registry);
        TimeGauge.builder(OLDEST_PENDING_AGE, outbox, TimeUnit.MILLISECONDS,
                        o -> o.oldestPendingTime().map(time -> Duration.between(time, clock.instant()).toMillis()).orElse(0L))
                .description("How long the oldest undelivered consent record has waited")
                .register(registry);
    }

    void delivered(boolean firstDelivery) {
        Counter.builder(DELIVERIES).description("Consent records acknowledged by retention-service")
                .tag("first_delivery", String.valueOf(firstDelivery)).register(registry).increment();
    }

    void failed(Status.Code code) {
        Counter.builder(FAILURES).description("Failed attempts to deliver a consent record to retention-service")
                .tag("code", code.name()).register(registry).increment();
    }
}
