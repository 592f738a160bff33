package fr.bilan.beneficiary.account;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;

/**
 * The account-link outbox ({@code outbox=account-link}): the changes of the login linked to each
 * beneficiary, still to deliver to session-service, which follows them so that a beneficiary
 * reaches their bilans through the login linked now. A beneficiary document
 * ({@code beneficiaries}) carries them in its sub-document {@code accountLink}, written in the same
 * single-document write that changes the link (no transaction needed): {@code accountId} (empty
 * once unlinked), {@code version} (the beneficiary's version that made it) and the delivery marker
 * ({@link OutboxMarker}). A later change replaces it, pending again: only the link as it stands
 * matters, and session-service takes a version once and never an older one after a newer, so no
 * order binds the deliveries.
 */
@Component
public class AccountLinkOutbox implements OutboxDefinition<AccountLinkOutbox.PendingLink> {

    /** A change of link waiting for delivery: the login linked at {@code version} (empty: none), the failures it met. */
    record PendingLink(String beneficiaryId, String accountId, long version, int attempts) {
    }

    public static final String COLLECTION = "beneficiaries";
    public static final OutboxMarker MARKER = new OutboxMarker("accountLink");
    static final String ACCOUNT = "accountId";
    static final String VERSION = "version";
    /** session-service: {@code spring.grpc.client.channel.session.*}. */
    static final String SESSION_CHANNEL = "session";

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

    @Override
    public String name() {
        return "account-link";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public PendingLink read(Document beneficiary) {
        Document link = beneficiary.get(MARKER.field(), Document.class);
        return new PendingLink(beneficiary.getString("_id"), link.get(ACCOUNT, ""),
                link.get(VERSION, Number.class).longValue(), MARKER.attemptsOf(beneficiary));
    }

    /** Acknowledging its version leaves a later change pending. */
    @Override
    public PendingEntry entry(PendingLink link) {
        return new PendingEntry(link.beneficiaryId(), link.attempts(), "Account link of beneficiary "
                + link.beneficiaryId() + " (version " + link.version() + ")",
                Filters.eq(MARKER.field() + "." + VERSION, link.version()));
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var sessions = receivers.asService(SESSION_CHANNEL, AccountLinkServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (link, deadline) -> sessions.withDeadline(deadline).recordAccountLink(
                RecordAccountLinkRequest.newBuilder().setBeneficiaryId(link.beneficiaryId())
                        .setAccountId(link.accountId()).setBeneficiaryVersion(link.version()).build())
                .getApplied());
    }
}
