package fr.bilan.notification.preference;

import java.time.Instant;
import java.util.Objects;

/**
 * A beneficiary's choices about the messages they receive: only reminders can be turned off (the
 * convocations, changes, cancellations and legal notices always go). Written whole under {@code version}.
 *
 * @param updateTime when they last changed them; {@code null} when never (the defaults)
 * @param version    0 for the defaults never stored
 */
public record NotificationPreferences(String beneficiaryId, boolean remindersEnabled, Instant updateTime,
        long version) {

    public NotificationPreferences {
        Objects.requireNonNull(beneficiaryId);
    }

    /** What applies to a beneficiary who never chose: every reminder. */
    public static NotificationPreferences defaults(String beneficiaryId) {
        return new NotificationPreferences(beneficiaryId, true, null, 0);
    }

    public NotificationPreferences withReminders(boolean enabled, Instant now) {
        return new NotificationPreferences(beneficiaryId, enabled, now, version);
    }
}
