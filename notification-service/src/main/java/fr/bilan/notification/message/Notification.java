package fr.bilan.notification.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One message: planned for a time, then sent, found undeliverable, refused for good or withdrawn, once.
 * Its record keeps who, which kind, when and what became of it, never its body (rendered when sent).
 * Written whole under {@code version}.
 *
 * @param key             unique per message: the fact that caused it and what it is
 *                        ({@code <event id>/<kind>[/<account>]}), so a redelivered fact plans nothing new
 * @param assessmentId    the bilan it belongs to ({@code null} for an agreement's or a digest), whose
 *                        process evidence it is destroyed with
 * @param templateVersion the version of its kind's template it is written with, fixed when sent
 * @param attempts        how many times the mail server was tried
 * @param nextAttemptTime when it may be tried next: its due time, then later after each temporary failure
 * @param outcomeTime     when it left {@link DeliveryOutcome#PENDING}
 * @param outcomeReason   why it was not sent, in French; {@code null} when sent or pending
 */
public record Notification(String id, String key, NotificationKind kind, String centreId, Recipient recipient,
        String assessmentId, Subject subject, Instant dueTime, DeliveryOutcome outcome, int attempts,
        Instant nextAttemptTime, Instant outcomeTime, String outcomeReason, String templateVersion, long version) {

    public Notification {
        Objects.requireNonNull(id);
        Objects.requireNonNull(key);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(dueTime);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(nextAttemptTime);
    }

    /** A message to send at {@code dueTime}. */
    public static Notification planned(String id, String key, NotificationKind kind, String centreId,
            Recipient recipient, String assessmentId, Subject subject, Instant dueTime) {
        return new Notification(id, key, kind, centreId, recipient, assessmentId, subject, dueTime,
                DeliveryOutcome.PENDING, 0, dueTime, null, null, null, 0);
    }

    /** Accepted by the mail server, written with {@code templateVersion}. */
    public Notification sent(String templateVersion, Instant now) {
        return settle(DeliveryOutcome.SENT, null, templateVersion, now);
    }

    /** No address to send it to. */
    public Notification undeliverable(String reason, Instant now) {
        return settle(DeliveryOutcome.UNDELIVERABLE, reason, templateVersion, now);
    }

    /** Refused by the mail server for good, written with {@code templateVersion}. */
    public Notification failed(String reason, String templateVersion, Instant now) {
        return settle(DeliveryOutcome.FAILED, reason, templateVersion, now);
    }

    /** Not to be sent any more: a reminder turned off, a session cancelled, a bilan ended. */
    public Notification withdrawn(String reason, Instant now) {
        return settle(DeliveryOutcome.WITHDRAWN, reason, templateVersion, now);
    }

    /** The mail server failed for now: tried again at {@code next}. */
    public Notification retryAt(Instant next) {
        requirePending();
        return new Notification(id, key, kind, centreId, recipient, assessmentId, subject, dueTime, outcome,
                attempts + 1, next, outcomeTime, outcomeReason, templateVersion, version);
    }

    private Notification settle(DeliveryOutcome settled, String reason, String version, Instant now) {
        requirePending();
        int tried = settled == DeliveryOutcome.SENT || settled == DeliveryOutcome.FAILED ? attempts + 1 : attempts;
        return new Notification(id, key, kind, centreId, recipient, assessmentId, subject, dueTime, settled, tried,
                nextAttemptTime, now, reason, version, this.version);
    }

    private void requirePending() {
        if (outcome.settled()) {
            throw new IllegalStateException("message " + id + " is already " + outcome);
        }
    }
}
