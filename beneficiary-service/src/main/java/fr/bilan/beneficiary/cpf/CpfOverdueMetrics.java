package fr.bilan.beneficiary.cpf;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code bilan_cpf_dossiers_overdue{centre}}: each centre's open dossiers with a deadline of the
 * centre past, counted by one aggregation now and then (every
 * {@code bilan.cpf.overdue-metric-interval}), never per scrape. A centre counted once stays at 0
 * when it has none left, so that its series falls rather than vanishes.
 */
@Component
class CpfOverdueMetrics {

    static final String NAME = "bilan.cpf.dossiers.overdue";

    private final CpfDossiers dossiers;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    CpfOverdueMetrics(CpfDossiers dossiers, MeterRegistry registry) {
        this.dossiers = dossiers;
        this.registry = registry;
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${bilan.cpf.overdue-metric-interval:1m}")
    synchronized void refresh() {
        Set<String> stale = new HashSet<>(counts.keySet());
        dossiers.overdue(Optional.empty()).forEach(centre -> {
            stale.remove(centre.centreId());
            counts.computeIfAbsent(centre.centreId(), this::register).set(centre.overdue());
        });
        stale.forEach(centre -> counts.get(centre).set(0));
    }

    private AtomicLong register(String centreId) {
        AtomicLong count = new AtomicLong();
        Gauge.builder(NAME, count, AtomicLong::get).description("Open CPF dossiers with a deadline of the centre past")
                .tag("centre", centreId).strongReference(true).register(registry);
        return count;
    }
}
