package fr.bilan.support.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

/** The metrics of each of a service's outboxes, registered whether their relays run or not. */
final class OutboxMonitoring {

    private final Map<String, OutboxMetrics> metrics;

    OutboxMonitoring(List<OutboxDefinition<?>> outboxes, MeterRegistry registry, Clock clock) {
        this.metrics = outboxes.stream().collect(Collectors.toUnmodifiableMap(OutboxDefinition::name,
                outbox -> new OutboxMetrics(registry, outbox.name(), outbox.entries(), clock)));
    }

    OutboxMetrics of(OutboxDefinition<?> outbox) {
        return metrics.get(outbox.name());
    }

    /** The outboxes' names, sorted. */
    List<String> names() {
        return metrics.keySet().stream().sorted().toList();
    }
}
