package fr.bilan.support.outbox;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An outbox entry waiting for delivery.
 *
 * @param id        its document's {@code _id}
 * @param attempts  the failed attempts it met so far
 * @param name      how logs name it: identifiers only, never personal data
 * @param unchanged what the document must still match for the relay's write to land: an entry
 *                  whose marker a later change re-armed with new content (a newer version of the
 *                  same fact) must stay pending after the older content was acknowledged
 */
public record PendingEntry(String id, int attempts, String name, Bson unchanged) {

    /** An entry whose content never changes once made. */
    public PendingEntry(String id, int attempts, String name) {
        this(id, attempts, name, new Document());
    }
}
