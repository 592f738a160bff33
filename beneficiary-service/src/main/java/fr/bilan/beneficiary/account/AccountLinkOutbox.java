package fr.bilan.beneficiary.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.outbox.PendingEntry;

/**
 * The changes of the login linked to each beneficiary, still to deliver to session-service, which
 * follows them so that a beneficiary reaches their bilans through the login linked now. A
 * beneficiary document ({@code beneficiaries}) carries them in its sub-document
 * {@code accountLink}, written in the same single-document write that changes the link (no
 * transaction needed): {@code accountId} (empty once unlinked), {@code version} (the beneficiary's
 * version that made it) and the delivery marker ({@link OutboxMarker}). A later change replaces
 * it, pending again: only the link as it stands matters, and session-service takes a version once
 * and never an older one after a newer.
 */
public class AccountLinkOutbox {

    public static final String COLLECTION = "beneficiaries";
    public static final OutboxMarker MARKER = new OutboxMarker("accountLink");
    static final String ACCOUNT = "accountId";
    static final String VERSION = "version";

    /** One change to deliver. */
    record PendingLink(String beneficiaryId, String accountId, long version, PendingEntry pending) {
    }

    private final MongoCollection<Document> beneficiaries;
    private final OutboxCollection entries;

    AccountLinkOutbox(MongoDatabase database) {
        this.beneficiaries = database.getCollection(COLLECTION);
        this.entries = new OutboxCollection(beneficiaries, MARKER, MARKER.field() + ".time");
        beneficiaries.createIndex(Indexes.ascending(MARKER.pending(), MARKER.nextAttemptTime()));
    }

    /** The {@code accountLink} sub-document of a change of link made now at {@code version}, pending delivery. */
    public static Document pendingLink(String accountId, long version, Instant now) {
        return OutboxMarker.newPending(now).append(ACCOUNT, accountId).append(VERSION, version)
                .append("time", Date.from(now));
    }

    OutboxCollection entries() {
        return entries;
    }

    /** The changes that may be tried now, the longest waiting first, at most {@code limit}. */
    List<PendingLink> due(Instant now, int limit) {
        return beneficiaries.find(Filters.and(entries.pending(), Filters.lte(MARKER.nextAttemptTime(), Date.from(now))))
                .sort(Sorts.ascending(MARKER.nextAttemptTime(), "_id"))
                .projection(Projections.include(MARKER.field()))
                .limit(limit)
                .map(AccountLinkOutbox::toPending)
                .into(new ArrayList<>());
    }

    private static PendingLink toPending(Document beneficiary) {
        Document link = beneficiary.get(MARKER.field(), Document.class);
        String id = beneficiary.getString("_id");
        long version = link.get(VERSION, Number.class).longValue();
        // acknowledging this version must not clear a later change that re-armed the marker meanwhile
        return new PendingLink(id, link.get(ACCOUNT, ""), version, new PendingEntry(id, MARKER.attemptsOf(beneficiary),
                "Account link of beneficiary " + id + " (version " + version + ")",
                Filters.eq(MARKER.field() + "." + VERSION, version)));
    }
}
