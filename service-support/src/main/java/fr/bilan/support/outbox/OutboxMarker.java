package fr.bilan.beneficiary.consent;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * The delivery state each consent record carries, in its {@code outbox} sub-document, for the outbox
 * relay ({@code fr.bilan.beneficiary.outbox}) that hands the ledger to retention-service. There are
 * no transactions: the record is inserted with this marker in the same insert, so a record cannot
 * exist without its delivery being pending. The relay changes this sub-document only, never the
 * consent itself.
 * <ul>
 * <li>{@code pending}: {@code true} until delivered, then removed;</li>
 * <li>{@code attempts}: failed delivery attempts so far;</li>
 * <li>{@code nextAttemptTime}: not tried again before (backoff after a failure);</li>
 * <li>{@code lastAttemptTime}, {@code lastStatus}: when the last failure happened, its gRPC code;</li>
 * <li>{@code deliveredTime}: when retention-service acknowledged it.</li>
 * </ul>
 */
public final class OutboxMarker {

    public static final String FIELD = "outbox";
    public static final String PENDING = FIELD + ".pending";
    public static final String ATTEMPTS = FIELD + ".attempts";
    public static final String NEXT_ATTEMPT_TIME = FIELD + ".nextAttemptTime";
    public static final String LAST_ATTEMPT_TIME = FIELD + ".lastAttemptTime";
    public static final String LAST_STATUS = FIELD + ".lastStatus";
    public static final String DELIVERED_TIME = FIELD + ".deliveredTime";

    private OutboxMarker() {
    }

    /** The marker a new record is inserted with: pending, never tried, due at once. */
    static Document pending(Instant now) {
        return new Document("pending", true).append("attempts", 0).append("nextAttemptTime", Date.from(now));
    }
}
