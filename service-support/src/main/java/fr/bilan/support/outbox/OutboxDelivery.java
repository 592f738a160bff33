package fr.bilan.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.security.ServiceToken;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * One attempt at delivering an outbox entry, as the service itself: the call under
 * {@code bilan.outbox.call-timeout}; on acknowledgement the entry is marked delivered; on failure
 * its next attempt waits a {@link Backoff}, the failure is counted and logged (as an error when
 * retrying alone will not heal it), and a refused token is forgotten so the next call asks for a
 * new one. Refusals that will not heal by themselves are retried all the same: losing nothing
 * beats moving on.
 */
public final class OutboxDelivery {

    /** What the attempt means for the run. */
    public enum Outcome {
        DELIVERED,
        /** The receiver refused this entry; the run may go on with others. */
        REFUSED,
        /** The receiver, or the way to it, failed: the run ends, the others wait for the next. */
        RUN_STOPPED
    }

    /** The call that hands an entry over. */
    @FunctionalInterface
    public interface Send {

        /** Sends the entry under {@code deadline}; whether the receiver took it in for the first time. */
        boolean firstDelivery(Deadline deadline);
    }

    /** The call that hands several entries over at once. */
    @FunctionalInterface
    public interface SendAll {

        /** Sends the entries under {@code deadline}; how many the receiver took in for the first time. */
        int firstDeliveries(Deadline deadline);
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxCollection entries;
    private final OutboxMetrics metrics;
    private final ServiceToken serviceToken;
    private final Backoff backoff;
    private final Duration callTimeout;
    private final Clock clock;

    OutboxDelivery(OutboxCollection entries, OutboxMetrics metrics, ServiceToken serviceToken,
            OutboxProperties properties, Clock clock) {
        this.entries = entries;
        this.metrics = metrics;
        this.serviceToken = serviceToken;
        this.backoff = properties.backoff();
        this.callTimeout = properties.callTimeout();
        this.clock = clock;
    }

    Outcome deliver(PendingEntry entry, Send send) {
        try {
            boolean first = send.firstDelivery(Deadline.after(callTimeout.toMillis(), TimeUnit.MILLISECONDS));
            entries.delivered(entry, clock.instant());
            metrics.delivered(first);
            return Outcome.DELIVERED;
        } catch (StatusRuntimeException e) {
            return failed(entry, e.getStatus());
        }
    }

    /**
     * Delivers {@code batch} in one call: acknowledged all together, or all failed together (each
     * entry then waits its own backoff); the outcome is the batch's.
     */
    Outcome deliverAll(List<PendingEntry> batch, SendAll send) {
        try {
            int first = send.firstDeliveries(Deadline.after(callTimeout.toMillis(), TimeUnit.MILLISECONDS));
            entries.delivered(batch, clock.instant());
            for (int i = 0; i < batch.size(); i++) {
                metrics.delivered(i < first);
            }
            return Outcome.DELIVERED;
        } catch (StatusRuntimeException e) {
            Outcome outcome = Outcome.REFUSED;
            for (PendingEntry entry : batch) {
                outcome = failed(entry, e.getStatus());
            }
            return outcome;
        }
    }

    private Outcome failed(PendingEntry entry, Status status) {
        int attempts = entry.attempts() + 1;
        Duration wait = backoff.delay(attempts);
        entries.failed(entry, attempts, clock.instant(), wait, status.getCode().name());
        metrics.failed(status.getCode());
        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
            serviceToken.invalidate();
        }
        String message = "{} not delivered ({} outbox): {}{}; attempt {}, next in {} ms";
        Object[] arguments = {entry.name(), metrics.outbox(), status.getCode(),
                status.getDescription() == null ? "" : " " + status.getDescription(), attempts, wait.toMillis()};
        if (DeliveryFailures.permanent(status.getCode())) {
            log.error(message, arguments);
        } else {
            log.warn(message, arguments);
        }
        return DeliveryFailures.refusesTheEntry(status.getCode()) ? Outcome.REFUSED : Outcome.RUN_STOPPED;
    }
}
