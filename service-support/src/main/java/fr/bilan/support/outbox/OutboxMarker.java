package fr.bilan.support.outbox;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * The delivery state a document carries in one of its sub-documents ({@code field}), for the outbox
 * relay that hands it over. There are no transactions: the document gets its marker in the same
 * single-document write that makes the entry, so an entry cannot exist without its delivery being
 * pending. The relay changes the marker only, never what the entry says.
 * <ul>
 * <li>{@code pending}: {@code true} until delivered, then removed;</li>
 * <li>{@code attempts}: failed delivery attempts so far;</li>
 * <li>{@code nextAttemptTime}: not tried again before (backoff after a failure);</li>
 * <li>{@code lastAttemptTime}, {@code lastStatus}: when the last failure happened, its gRPC code;</li>
 * <li>{@code deliveredTime}: when the receiver acknowledged it.</li>
 * </ul>
 */
public record OutboxMarker(String field) {

    /** The marker a new entry is written with: pending, never tried, due at {@code due}. */
    public static Document newPending(Instant due) {
        return new Document("pending", true).append("attempts", 0).append("nextAttemptTime", Date.from(due));
    }

    public String pending() {
        return field + ".pending";
    }

    public String attempts() {
        return field + ".attempts";
    }

    public String nextAttemptTime() {
        return field + ".nextAttemptTime";
    }

    public String lastAttemptTime() {
        return field + ".lastAttemptTime";
    }

    public String lastStatus() {
        return field + ".lastStatus";
    }

    public String deliveredTime() {
        return field + ".deliveredTime";
    }

    /** The failed attempts the marker of {@code document} counts; 0 when it says none. */
    public int attemptsOf(Document document) {
        return document.get(field, Document.class).getInteger("attempts", 0);
    }
}
