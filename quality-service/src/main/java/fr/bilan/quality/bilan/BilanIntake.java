package fr.bilan.quality.bilan;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Takes in the facts of a bilan from session-service's outbox: keeps a newer revision and tells the
 * listeners. The revision kept is told again (an outbox retry after a listener failed must reach it; the
 * listeners are idempotent); an older one (a reordered delivery) is told to nobody.
 */
@Service
public class BilanIntake {

    private final BilanRecords records;
    private final List<BilanFactsListener> listeners;

    public BilanIntake(BilanRecords records, List<BilanFactsListener> listeners) {
        this.records = records;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Keeps {@code record} if newer and tells the listeners (the revision kept told again too); answers
     * whether it replaced what was kept: false for the same revision again, or an older one.
     */
    public boolean take(BilanRecord record) {
        var recorded = records.record(record);
        recorded.ifPresent(kept -> listeners.forEach(listener -> listener.recorded(kept)));
        return recorded.filter(kept -> kept.previous().map(before -> before.revision() < kept.current().revision())
                .orElse(true)).isPresent();
    }
}
