package fr.bilan.support.outbox;

import java.util.List;

import org.bson.Document;

import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import io.grpc.Deadline;

/**
 * What a run delivers when the receiver takes many entries a call and no order binds them (as the
 * access records a register sorts by time): the due entries, the longest waiting first, up to
 * {@code maxPerCall} a call, each call one attempt of the run. A failed call leaves its entries to
 * their backoff and ends the run.
 */
public final class BatchedDeliveries<T> implements OutboxRelay.Deliveries {

    /** The call that hands several entries over. */
    @FunctionalInterface
    public interface Sender<T> {

        /** Sends {@code records} under {@code deadline}; how many the receiver took in for the first time. */
        int firstDeliveries(List<T> records, Deadline deadline);
    }

    private final OutboxDefinition<T> outbox;
    private final int maxPerCall;
    private final Sender<T> sender;

    public BatchedDeliveries(OutboxDefinition<T> outbox, int maxPerCall, Sender<T> sender) {
        this.outbox = outbox;
        this.maxPerCall = maxPerCall;
        this.sender = sender;
    }

    @Override
    public void deliverDue(RelayRun run) {
        while (!run.over()) {
            List<T> due = due(run).stream().map(outbox::read).toList();
            if (due.isEmpty()) {
                return;
            }
            Outcome outcome = run.deliverAll(due.stream().map(outbox::entry).toList(),
                    deadline -> sender.firstDeliveries(due, deadline));
            if (outcome != Outcome.DELIVERED || due.size() < maxPerCall) {
                return;
            }
        }
    }

    private List<Document> due(RelayRun run) {
        return outbox.entries().due(run.start(), outbox.projection(), maxPerCall);
    }
}
