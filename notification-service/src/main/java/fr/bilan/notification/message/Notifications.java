package fr.bilan.notification.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages, each written whole under its version. */
public interface Notifications {

    /** Records a planned message; {@code false}, writing nothing, when one has its key already. */
    boolean plan(Notification notification);

    /**
     * Writes {@code changed} over the message of the same id if it still has {@code changed.version()};
     * {@code false}, writing nothing, when someone changed it since it was read.
     */
    boolean replace(Notification changed);

    Optional<Notification> byId(String id);

    Optional<Notification> byKey(String key);

    /**
     * Pending messages whose next attempt is due at {@code now}, oldest due first, at most {@code limit}.
     */
    List<Notification> due(Instant now, int limit);

    /** The pending messages about {@code reference} ({@link Subject#reference()}) of these kinds. */
    List<Notification> pendingAbout(String reference, List<NotificationKind> kinds);

    /** The pending messages of a bilan. */
    List<Notification> pendingOfAssessment(String assessmentId);

    /** The pending messages for {@code recipient} of these kinds. */
    List<Notification> pendingFor(Recipient recipient, List<NotificationKind> kinds);

    /** Erases every message of a bilan (its process evidence is destroyed); how many. */
    long eraseAssessment(String assessmentId);

    /**
     * Whether a message of the same recipient is pending ahead of {@code message} in the order they are
     * sent: due earlier, or at the same time with a smaller id (the order of {@link #due}).
     */
    boolean anyPendingAhead(Notification message);

    /** How many pending messages may be tried at {@code now}. */
    long countDue(Instant now);

    /** The due time of the oldest pending message due at {@code now}, waiting or backing off; empty when none. */
    Optional<Instant> oldestPendingDue(Instant now);

    /** How many messages the mail server refused for good (or were given up on), as still held. */
    long countFailed();

    /**
     * Withdraws a pending message for {@code reason} (French, shown in the centre's list), read again when
     * someone wrote it since: {@code false} when it left PENDING meanwhile (the dispatcher sent it), which
     * then stands.
     */
    default boolean withdraw(Notification pending, String reason, Instant now) {
        Optional<Notification> current = Optional.of(pending);
        // only the dispatcher writes a pending message besides: a few reads settle any race with it
        for (int tries = 0; tries < 5 && current.isPresent() && !current.get().outcome().settled(); tries++) {
            if (replace(current.get().withdrawn(reason, now))) {
                return true;
            }
            current = byId(pending.id());
        }
        return false;
    }

    /**
     * A page of a centre's messages, newest due first ({@code dueTime}, then {@code id}, both descending),
     * after the message at ({@code afterDue}, {@code afterId}) when given; only those with {@code outcome}
     * and for {@code beneficiaryId} when not {@code null}.
     */
    List<Notification> ofCentreAfter(String centreId, DeliveryOutcome outcome, String beneficiaryId, Instant afterDue,
            String afterId, int limit);
}
