package fr.bilan.support.outbox;

import java.util.List;

import org.bson.Document;

import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import io.grpc.Deadline;

/**
 * What a run delivers when no order binds an outbox's entries (one per document, as a bilan's end
 * or a synthèse's stored PDF): the entries whose marker is due, the longest waiting first, one call
 * each. A refused one waits for its next attempt while the others go; a failure that is not the
 * entry's own ends the run.
 */
public final class UnorderedDeliveries<T> implements OutboxRelay.Deliveries {

    /** The call that hands one entry over. */
    @FunctionalInterface
    public interface Sender<T> {

        /** Sends {@code record} under {@code deadline}; whether the receiver took it in for the first time. */
        boolean firstDelivery(T record, Deadline deadline);
    }

    private final OutboxDefinition<T> outbox;
    private final Sender<T> sender;

    public UnorderedDeliveries(OutboxDefinition<T> outbox, Sender<T> sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (Document document : due(run)) {
            if (run.over()) {
                return;
            }
            T record = outbox.read(document);
            if (run.deliver(outbox.entry(record), deadline -> sender.firstDelivery(record, deadline))
                    == Outcome.RUN_STOPPED) {
                return;
            }
        }
    }

    private List<Document> due(RelayRun run) {
        return outbox.entries().due(run.start(), outbox.projection(), run.budget());
    }
}
