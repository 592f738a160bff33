package fr.bilan.notification.planning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;

/**
 * What is known when a fact arrives, read before it is planned.
 *
 * @param session          the session the fact is about, as last heard of; empty when none or unknown
 * @param agreement        the agreement the fact is about, as last heard of; empty when none or unknown
 * @param pending          the pending messages about what the fact concerns (the session, the agreement, or
 *                         the whole bilan for its end)
 * @param remindersEnabled whether the beneficiary receives reminders
 * @param now              the time it is planned at
 */
public record Situation(Optional<TrackedSession> session, Optional<TrackedAgreement> agreement,
        List<Notification> pending, boolean remindersEnabled, Instant now) {

    public Situation {
        pending = List.copyOf(pending);
    }
}
