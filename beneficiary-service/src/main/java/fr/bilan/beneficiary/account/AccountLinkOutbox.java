package fr.bilan.beneficiary.account;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
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

    private final OutboxCollection entries;

    AccountLinkOutbox(MongoDatabase database) {
        MongoCollection<Document> beneficiaries = database.getCollection(COLLECTION);
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

    /** A due beneficiary document as an entry: acknowledging its version leaves a later change pending. */
    static PendingEntry entry(Document beneficiary) {
        String id = beneficiary.getString("_id");
        long version = version(beneficiary);
        return new PendingEntry(id, MARKER.attemptsOf(beneficiary), "Account link of beneficiary " + id + " (version "
                + version + ")", Filters.eq(MARKER.field() + "." + VERSION, version));
    }

    /** The change a due beneficiary document holds, for session-service. */
    static RecordAccountLinkRequest request(Document beneficiary) {
        return RecordAccountLinkRequest.newBuilder().setBeneficiaryId(beneficiary.getString("_id"))
                .setAccountId(beneficiary.get(MARKER.field(), Document.class).get(ACCOUNT, ""))
                .setBeneficiaryVersion(version(beneficiary)).build();
    }

    private static long version(Document beneficiary) {
        return beneficiary.get(MARKER.field(), Document.class).get(VERSION, Number.class).longValue();
    }
}
