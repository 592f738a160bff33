package fr.bilan.beneficiary.privacy;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

/**
 * Erasure receipts as the erased beneficiary document keeps them ({@code erasure}): the beneficiary,
 * the time, the request key and the items, each with its category, outcome, reason and the date it
 * is kept until, if any.
 */
final class ErasureReceipts {

    private static final String BENEFICIARY = "beneficiaryId";
    private static final String TIME = "eraseTime";
    private static final String REQUEST_KEY = "requestKey";
    private static final String ITEMS = "items";
    private static final String CATEGORY = "category";
    private static final String OUTCOME = "outcome";
    private static final String REASON = "reason";
    private static final String KEEP_UNTIL = "keepUntil";

    private ErasureReceipts() {
    }

    static Document document(ErasureReceipt receipt) {
        List<Document> items = receipt.items().stream().map(item -> {
            Document document = new Document(CATEGORY, item.category())
                    .append(OUTCOME, item.outcome().name())
                    .append(REASON, item.reason());
            item.keepUntil().ifPresent(keepUntil -> document.append(KEEP_UNTIL, Date.from(keepUntil)));
            return document;
        }).toList();
        return new Document(BENEFICIARY, receipt.beneficiaryId()).append(TIME, Date.from(receipt.eraseTime()))
                .append(REQUEST_KEY, receipt.requestKey()).append(ITEMS, items);
    }

    static ErasureReceipt receiptOf(Document document) {
        List<ErasurePlan.Item> items = document.getList(ITEMS, Document.class).stream()
                .map(item -> new ErasurePlan.Item(item.getString(CATEGORY),
                        ErasureOutcome.valueOf(item.getString(OUTCOME)), item.getString(REASON),
                        Optional.ofNullable(item.getDate(KEEP_UNTIL)).map(Date::toInstant)))
                .toList();
        return new ErasureReceipt(document.getString(BENEFICIARY), document.getDate(TIME).toInstant(),
                document.getString(REQUEST_KEY), items, false);
    }
}
