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
