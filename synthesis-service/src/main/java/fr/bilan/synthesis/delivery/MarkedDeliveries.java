package fr.bilan.synthesis.delivery;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxDelivery.Send;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.RelayRun;

/**
 * What a run of one of the synthèse's outbox relays delivers: the syntheses whose marker is due, the
 * longest waiting first. Each synthèse has one entry per outbox, so no order binds them: a refused
 * one waits for its next attempt while the others go; a failure that is not the entry's own ends
 * the run.
 */
final class MarkedDeliveries implements OutboxRelay.Deliveries {

    private final OutboxCollection entries;
    private final String what;
    private final Function<Document, Send> send;

    /**
     * @param what names an entry in logs, e.g. "Stored synthesis document"
     * @param send how a synthèse document (with its marker's sub-document) is sent
     */
    MarkedDeliveries(OutboxCollection entries, String what, Function<Document, Send> send) {
        this.entries = entries;
        this.what = what;
        this.send = send;
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (Document synthesis : due(run)) {
            if (run.over()) {
                return;
            }
            String id = synthesis.getString("_id");
            PendingEntry entry = new PendingEntry(id, entries.marker().attemptsOf(synthesis),
                    what + " of assessment " + id);
            if (run.deliver(entry, send.apply(synthesis)) == Outcome.RUN_STOPPED) {
                return;
            }
        }
    }

    private List<Document> due(RelayRun run) {
        return entries.documents().find(Filters.and(entries.pending(),
                        Filters.lte(entries.marker().nextAttemptTime(), Date.from(run.start()))))
                .sort(Sorts.ascending(entries.marker().nextAttemptTime(), "_id"))
                .limit(run.budget())
                .into(new ArrayList<>());
    }
}
