package fr.bilan.support.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxDelivery.Send;

/**
 * What a run of an outbox relay delivers when no order binds its entries (one per document, as a
 * synthèse's stored PDF or a beneficiary's linked login): the documents whose marker is due, the
 * longest waiting first. A refused one waits for its next attempt while the others go; a failure
 * that is not the entry's own ends the run.
 */
public final class MarkedDeliveries implements OutboxRelay.Deliveries {

    private final OutboxCollection entries;
    private final Function<Document, PendingEntry> entry;
    private final Function<Document, Send> send;

    /**
     * @param entry what a due document (with its marker's sub-document) is as an entry: its name in
     *              logs, and what must still hold for its acknowledgement to land
     * @param send  how it is sent
     */
    public MarkedDeliveries(OutboxCollection entries, Function<Document, PendingEntry> entry,
            Function<Document, Send> send) {
        this.entries = entries;
        this.entry = entry;
        this.send = send;
    }

    /** The entries of an outbox whose document never changes once pending: named {@code what of assessment <id>}. */
    public static Function<Document, PendingEntry> named(OutboxCollection entries, String what) {
        return document -> new PendingEntry(document.getString("_id"), entries.marker().attemptsOf(document),
                what + " of assessment " + document.getString("_id"));
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (Document document : due(run)) {
            if (run.over()) {
                return;
            }
            if (run.deliver(entry.apply(document), send.apply(document)) == Outcome.RUN_STOPPED) {
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
