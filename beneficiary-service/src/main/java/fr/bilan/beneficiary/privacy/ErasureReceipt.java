package fr.bilan.beneficiary.privacy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import fr.bilan.proto.beneficiary.v1.ErasureItem;
import fr.bilan.proto.beneficiary.v1.ErasureOutcome;
import fr.bilan.proto.beneficiary.v1.ErasureReport;
import fr.bilan.support.time.ProtoTime;

/**
 * The answer to an erasure, as stored in the erased record: every later request for the same
 * beneficiary is answered with it, so a retry gets the same report and no second erasure happens.
 * It names categories, reasons and dates, never the erased data. The request key (the caller's
 * {@code request_id} bound to their subject) lets the beneficiary retry their own request once the
 * link to their login is gone.
 */
final class ErasureReceipt {

    private static final String BENEFICIARY = "beneficiaryId";
    private static final String TIME = "eraseTime";
    private static final String REQUEST_KEY = "requestKey";
    private static final String ITEMS = "items";
    private static final String CATEGORY = "category";
    private static final String OUTCOME = "outcome";
    private static final String REASON = "reason";
    private static final String KEEP_UNTIL = "keepUntil";

    private ErasureReceipt() {
    }

    static Document of(String beneficiaryId, Instant time, ErasurePlan plan, String requestKey) {
        List<Document> items = plan.items().stream().map(item -> {
            Document document = new Document(CATEGORY, item.category())
                    .append(OUTCOME, item.outcome().name())
                    .append(REASON, item.reason());
            item.keepUntil().ifPresent(keepUntil -> document.append(KEEP_UNTIL, Date.from(keepUntil)));
            return document;
        }).toList();
        return new Document(BENEFICIARY, beneficiaryId).append(TIME, Date.from(time)).append(REQUEST_KEY, requestKey)
                .append(ITEMS, items);
    }

    /** Whether this receipt answered the request with this key. */
    static boolean answered(Document receipt, String requestKey) {
        return requestKey.equals(receipt.getString(REQUEST_KEY));
    }

    /** The report, to the millisecond as stored, so that the first answer and every retry are equal. */
    static ErasureReport reportOf(Document receipt) {
        ErasureReport.Builder report = ErasureReport.newBuilder()
                .setBeneficiaryId(receipt.getString(BENEFICIARY))
                .setEraseTime(ProtoTime.of(receipt.getDate(TIME).toInstant()));
        for (Document item : receipt.getList(ITEMS, Document.class)) {
            ErasureItem.Builder answer = report.addItemsBuilder()
                    .setCategory(item.getString(CATEGORY))
                    .setOutcome(ErasureOutcome.valueOf(item.getString(OUTCOME)))
                    .setReason(item.getString(REASON));
            if (item.getDate(KEEP_UNTIL) != null) {
                answer.setKeepUntil(ProtoTime.of(item.getDate(KEEP_UNTIL).toInstant()));
            }
        }
        return report.build();
    }
}
