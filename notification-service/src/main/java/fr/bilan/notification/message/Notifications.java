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

    /** Pending messages of {@code recipient} due before {@code before}: one person's are sent in order. */
    boolean anyPendingBefore(Recipient recipient, Instant before, String exceptId);

    /** The pending messages about {@code reference} ({@link Subject#reference()}) of these kinds. */
    List<Notification> pendingAbout(String reference, List<NotificationKind> kinds);

    /** The pending messages of a bilan. */
    List<Notification> pendingOfAssessment(String assessmentId);

    /** The pending messages for {@code recipient} of these kinds. */
    List<Notification> pendingFor(Recipient recipient, List<NotificationKind> kinds);

    /**
     * A centre's messages, newest due first, from {@code offset}, at most {@code limit}; only those with
     * {@code outcome} and for {@code beneficiaryId} when not {@code null}.
     */
    List<Notification> ofCentre(String centreId, DeliveryOutcome outcome, String beneficiaryId, int offset, int limit);

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
}
