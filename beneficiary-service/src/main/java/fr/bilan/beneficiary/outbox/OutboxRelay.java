package fr.bilan.beneficiary.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.outbox.ConsentOutbox.PendingRecord;
import fr.bilan.proto.retention.v1.ConsentChange;
import fr.bilan.proto.retention.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Hands every consent record to retention-service at least once, in ledger order per beneficiary,
 * losing none: a record stays pending (in its own document, {@code outbox} marker) until
 * retention-service acknowledges it, which it does once per record id whatever the redeliveries.
 * <p>
 * Each run (every {@code bilan.outbox.poll-interval}, on one replica at a time: a ShedLock lock in
 * the service's database) takes the beneficiaries whose oldest pending record is due, and for each
 * delivers its pending records oldest first, stopping at the first failure: the later ones wait
 * behind it (head of line), so order holds. A failure sets the record's next attempt after an
 * exponential backoff with jitter ({@link Backoff}). Refusals that will not heal by themselves
 * (invalid argument, permission denied...) are retried all the same, logged as errors and counted:
 * losing nothing beats moving on. A failure that is not the record's own (unavailable, deadline,
 * authentication) ends the run: the other beneficiaries wait for the next one.
 * <p>
 * Numbers are taken before records are inserted, so a record may land just after a later one of
 * the same beneficiary: a record whose predecessor in the numbering is missing waits
 * {@code bilan.outbox.gap-grace} for it (a missing number that never lands is a failed request).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LOCK = "consent-outbox-relay";
    /** Refusals that concern the record itself: the other beneficiaries' records may still go. */
    private static final Set<Status.Code> RECORD_REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE, Status.Code.NOT_FOUND, Status.Code.ALREADY_EXISTS);
    /** Failures that retrying alone will not heal: someone must look. */
    private static final Set<Status.Code> PERMANENT = permanent();

    private enum Outcome { DELIVERED, BENEFICIARY_BLOCKED, RUN_STOPPED }

    private final ConsentOutbox outbox;
    private final RetentionServiceBlockingStub retention;
    private final ServiceToken serviceToken;
    private final LockingTaskExecutor locks;
    private final OutboxMetrics metrics;
    private final OutboxProperties properties;
    private final Backoff backoff;
    private final Clock clock;

    OutboxRelay(ConsentOutbox outbox, RetentionServiceBlockingStub retention, ServiceToken serviceToken,
            LockingTaskExecutor locks, OutboxMetrics metrics, OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.retention = retention.withCallCredentials(serviceToken.callCredentials());
        this.serviceToken = serviceToken;
        this.locks = locks;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bilan.outbox.poll-interval:1s}")
    public void poll() {
        locks.executeWithLock((Runnable) this::relayDue,
                new LockConfiguration(clock.instant(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
    }

    /** One run, under the lock: returns how many records retention-service acknowledged. */
    int relayDue() {
        Instant start = clock.instant();
        // a run ends well before the lock could expire under it
        Instant stopBy = start.plus(properties.lockAtMostFor().dividedBy(2));
        int budget = properties.batchSize();
        int delivered = 0;
        for (String beneficiary : outbox.dueBeneficiaries(start, budget)) {
            Long previous = null;
            for (PendingRecord record : outbox.pendingOf(beneficiary, budget)) {
                if (!clock.instant().isBefore(stopBy)) {
                    return delivered;
                }
                long sequence = record.entry().sequence();
                if (!followsItsPredecessor(record, previous)) {
                    break;
                }
                budget--;
                Outcome outcome = deliver(record);
                if (outcome == Outcome.RUN_STOPPED) {
                    return delivered;
                }
                if (outcome == Outcome.BENEFICIARY_BLOCKED) {
                    break;
                }
                delivered++;
                previous = sequence;
            }
            if (budget <= 0) {
                break;
            }
        }
        return delivered;
    }

    /** Whether nothing of the ledger may still land before this record ({@code previous}: the one just delivered). */
    private boolean followsItsPredecessor(PendingRecord record, Long previous) {
        ConsentEntry entry = record.entry();
        long before = previous != null ? previous
                : outbox.previousSequence(entry.beneficiaryId(), entry.sequence()).orElse(0L);
        if (before == entry.sequence() - 1) {
            return true;
        }
        boolean waitedEnough = !entry.recordTime().plus(properties.gapGrace()).isAfter(clock.instant());
        if (waitedEnough && record.attempts() == 0) {
            log.info("Consent record {} (beneficiary {}, sequence {}) follows a gap after sequence {}: delivered",
                    entry.id(), entry.beneficiaryId(), entry.sequence(), before);
        }
        return waitedEnough;
    }

    private Outcome deliver(PendingRecord record) {
        ConsentEntry entry = record.entry();
        try {
            boolean first = retention.withDeadlineAfter(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .recordConsentChange(RecordConsentChangeRequest.newBuilder().setChange(toChange(entry)).build())
                    .getFirstDelivery();
            outbox.delivered(entry.id(), clock.instant());
            metrics.delivered(first);
            return Outcome.DELIVERED;
        } catch (StatusRuntimeException e) {
            return failed(record, e.getStatus());
        }
    }

    private Outcome failed(PendingRecord record, Status status) {
        ConsentEntry entry = record.entry();
        int attempts = record.attempts() + 1;
        Duration wait = backoff.delay(attempts);
        outbox.failed(entry.id(), attempts, clock.instant(), wait, status.getCode().name());
        metrics.failed(status.getCode());
        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
            serviceToken.invalidate();
        }
        String message = "Consent record {} (beneficiary {}, sequence {}) not delivered to retention-service: {} {}; "
                + "attempt {}, next in {} ms, the beneficiary's later records wait behind it";
        Object[] arguments = {entry.id(), entry.beneficiaryId(), entry.sequence(), status.getCode(),
                status.getDescription() == null ? "" : status.getDescription(), attempts, wait.toMillis()};
        if (PERMANENT.contains(status.getCode())) {
            log.error(message, arguments);
        } else {
            log.warn(message, arguments);
        }
        return RECORD_REFUSALS.contains(status.getCode()) ? Outcome.BENEFICIARY_BLOCKED : Outcome.RUN_STOPPED;
    }

    /** The record refusals, and the caller's own faults: its identity, its rights, the contract. */
    private static Set<Status.Code> permanent() {
        Set<Status.Code> codes = EnumSet.copyOf(RECORD_REFUSALS);
        codes.addAll(EnumSet.of(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.UNIMPLEMENTED));
        return codes;
    }

    /** What retention-service needs of a record: identifiers, kind, decision; no name, no evidence. */
    static ConsentChange toChange(ConsentEntry entry) {
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
