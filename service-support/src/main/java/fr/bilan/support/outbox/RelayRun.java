package fr.bilan.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxDelivery.Send;
import fr.bilan.support.outbox.OutboxDelivery.SendAll;

/**
 * One run of an outbox relay, under its lock: what is due at its start, at most
 * {@code bilan.outbox.batch-size} attempts (an entry, or a call carrying several), and an end at half {@code bilan.outbox.lock-at-most-for},
 * well before the lock could expire under it.
 */
public final class RelayRun {

    private final OutboxDelivery delivery;
    private final Clock clock;
    private final Instant start;
    private final Instant stopBy;
    private int budget;

    RelayRun(OutboxDelivery delivery, OutboxProperties properties, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
        this.start = clock.instant();
        this.stopBy = start.plus(properties.lockAtMostFor().dividedBy(2));
        this.budget = properties.batchSize();
    }

    /** When the run started: entries due then are the ones it delivers. */
    public Instant start() {
        return start;
    }

    /** How many more entries it may try: the limit of what to read next. */
    public int budget() {
        return budget;
    }

    /** Whether it must stop before the next attempt: its attempts or its time are spent. */
    public boolean over() {
        return budget <= 0 || !clock.instant().isBefore(stopBy);
    }

    /** Tries one entry, counted against the budget. */
    public Outcome deliver(PendingEntry entry, Send send) {
        budget--;
        return delivery.deliver(entry, send);
    }

    /** Tries several entries in one call, which counts as one attempt against the budget. */
    public Outcome deliverAll(List<PendingEntry> entries, SendAll send) {
        budget--;
        return delivery.deliverAll(entries, send);
    }
}
