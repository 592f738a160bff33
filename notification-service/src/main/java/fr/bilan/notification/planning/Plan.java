package fr.bilan.notification.planning;

import java.util.List;
import java.util.Optional;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;

/**
 * What a fact changes: messages to plan, pending ones to withdraw (each with its French reason), and
 * what is kept of its session or agreement. Empty for a stale or redelivered state.
 *
 * @param endedAssessment the bilan whose sessions no digest lists any more, when the fact is its end
 */
public record Plan(List<Notification> planned, List<Withdrawal> withdrawals, Optional<TrackedSession> session,
        Optional<TrackedAgreement> agreement, Optional<String> endedAssessment) {

    public static final Plan NOTHING = new Plan(List.of(), List.of(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public Plan {
        planned = List.copyOf(planned);
        withdrawals = List.copyOf(withdrawals);
    }

    /** A pending message not to send, and why (in French, as the centre's list shows it). */
    public record Withdrawal(Notification notification, String reason) {
    }
}
