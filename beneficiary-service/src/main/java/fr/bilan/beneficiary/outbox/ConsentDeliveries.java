package fr.bilan.beneficiary.outbox;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.outbox.ConsentOutbox.PendingRecord;
import fr.bilan.proto.retention.internal.v1.ConsentChange;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.RelayRun;
import fr.bilan.support.time.ProtoTime;

/**
 * What a run of the consent outbox relay delivers, and in which order: every consent record
 * reaches retention-service in ledger order per beneficiary. A run takes the beneficiaries whose
 * oldest pending record is due, and for each delivers its pending records oldest first, stopping at
 * the first failure: the later ones wait behind it (head of line), so order holds. A refusal of the
 * record itself holds back only its beneficiary; any other failure ends the run.
 * <p>
 * Numbers are taken before records are inserted, so a record may land just after a later one of
 * the same beneficiary: a record whose predecessor in the numbering is missing waits
 * {@code bilan.outbox.gap-grace} for it (a missing number that never lands is a failed request).
 */
class ConsentDeliveries implements OutboxRelay.Deliveries {

    private static final Logger log = LoggerFactory.getLogger(ConsentDeliveries.class);

    private final ConsentOutbox outbox;
    private final RetentionServiceBlockingStub retention;
    private final Duration gapGrace;
    private final Clock clock;

    ConsentDeliveries(ConsentOutbox outbox, OutboxReceivers receivers, Duration gapGrace, Clock clock) {
        this.outbox = outbox;
        this.retention = receivers.retention();
        this.gapGrace = gapGrace;
        this.clock = clock;
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (String beneficiary : outbox.dueBeneficiaries(run.start(), run.budget())) {
            if (run.over()) {
                return;
            }
            Long previous = null;
            for (PendingRecord record : outbox.pendingOf(beneficiary, run.budget())) {
                if (run.over()) {
                    return;
                }
                if (!followsItsPredecessor(record, previous)) {
                    break;
                }
                var request = RecordConsentChangeRequest.newBuilder().setChange(toChange(record.entry())).build();
                Outcome outcome = run.deliver(record.pending(),
                        deadline -> retention.withDeadline(deadline).recordConsentChange(request).getFirstDelivery());
                if (outcome == Outcome.RUN_STOPPED) {
                    return;
                }
                if (outcome == Outcome.REFUSED) {
                    break;
                }
                previous = record.entry().sequence();
            }
        }
    }

    /** Whether nothing of the ledger may still land before this record ({@code previous}: the one just delivered). */
    private boolean followsItsPredecessor(PendingRecord record, Long previous) {
        ConsentEntry entry = record.entry();
        if (previous == null && outbox.pendingBefore(entry.beneficiaryId(), entry.sequence())) {
            return false;
        }
        long before = previous != null ? previous
                : outbox.previousSequence(entry.beneficiaryId(), entry.sequence()).orElse(0L);
        if (before == entry.sequence() - 1) {
            return true;
        }
        boolean waitedEnough = !entry.recordTime().plus(gapGrace).isAfter(clock.instant());
        if (waitedEnough && record.attempts() == 0) {
            log.info("Consent record {} (beneficiary {}, sequence {}) follows a gap after sequence {}: delivered",
                    entry.id(), entry.beneficiaryId(), entry.sequence(), before);
        }
        return waitedEnough;
    }

    /** What retention-service needs of a record: identifiers, kind, decision; no name, no evidence. */
    private static ConsentChange toChange(ConsentEntry entry) {
        ConsentChange.Builder change = ConsentChange.newBuilder()
                .setEventId(entry.id())
                .setBeneficiaryId(entry.beneficiaryId())
                .setSequence(entry.sequence())
                .setKind(entry.kind().name())
                .setDecision(entry.decision().name())
                .setRecordTime(ProtoTime.of(entry.recordTime()));
        if (entry.recipient() != null) {
            change.setRecipientKind(entry.recipient().kind().name());
        }
        return change.build();
    }
}
