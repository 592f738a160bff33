package fr.bilan.beneficiary.account;

import fr.bilan.beneficiary.account.AccountLinkOutbox.PendingLink;
import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc.AccountLinkServiceBlockingStub;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.RelayRun;

/**
 * What a run of the account-link relay delivers: the due changes, the longest waiting first. No
 * order binds two beneficiaries, and session-service orders one's changes by version: a refused
 * change waits for its next attempt while the others go; a failure that is not the change's own
 * ends the run.
 */
class AccountLinkDeliveries implements OutboxRelay.Deliveries {

    private final AccountLinkOutbox outbox;
    private final AccountLinkServiceBlockingStub sessions;

    /** @param sessions calling as the service itself */
    AccountLinkDeliveries(AccountLinkOutbox outbox, AccountLinkServiceBlockingStub sessions) {
        this.outbox = outbox;
        this.sessions = sessions;
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (PendingLink link : outbox.due(run.start(), run.budget())) {
            if (run.over()) {
                return;
            }
            var request = RecordAccountLinkRequest.newBuilder().setBeneficiaryId(link.beneficiaryId())
                    .setAccountId(link.accountId()).setBeneficiaryVersion(link.version()).build();
            Outcome outcome = run.deliver(link.pending(),
                    deadline -> sessions.withDeadline(deadline).recordAccountLink(request).getApplied());
            if (outcome == Outcome.RUN_STOPPED) {
                return;
            }
        }
    }
}
