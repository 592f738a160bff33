package fr.bilan.beneficiary.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The answer to an erasure, as kept in the erased record: every later request for the same
 * beneficiary is answered with it, so a retry gets the same report and no second erasure happens.
 * It names categories, reasons and dates, never the erased data. The request key (the caller's
 * {@code request_id} bound to their subject) lets the beneficiary retry their own request once the
 * link to their login is gone. Times are to the millisecond, as stored, so that the first answer and
 * every retry are equal.
 *
 * @param validateOnly whether it only tells what an erasure would do (never stored so)
 */
record ErasureReceipt(String beneficiaryId, Instant eraseTime, String requestKey, List<ErasurePlan.Item> items,
        boolean validateOnly) {

    ErasureReceipt {
        eraseTime = eraseTime.truncatedTo(ChronoUnit.MILLIS);
        items = items.stream().map(item -> new ErasurePlan.Item(item.category(), item.outcome(), item.reason(),
                item.keepUntil().map(until -> until.truncatedTo(ChronoUnit.MILLIS)))).toList();
    }

    /** The receipt of erasing {@code plan} now, for the request {@code requestKey}. */
    static ErasureReceipt of(String beneficiaryId, Instant now, ErasurePlan plan, String requestKey) {
        return new ErasureReceipt(beneficiaryId, now, requestKey, plan.items(), false);
    }

    /** Whether this receipt answered the request with this key. */
    boolean answered(String requestKey) {
        return this.requestKey.equals(requestKey);
    }

    /** The same answer, telling what an erasure would do: nothing was erased. */
    ErasureReceipt asValidation() {
        return new ErasureReceipt(beneficiaryId, eraseTime, requestKey, items, true);
    }

}
