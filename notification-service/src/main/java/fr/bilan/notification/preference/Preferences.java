package fr.bilan.notification.preference;

import java.util.Optional;

/** The beneficiaries' choices, each written whole under its version. */
public interface Preferences {

    Optional<NotificationPreferences> of(String beneficiaryId);

    /** The stored choices of a beneficiary, or the defaults when they never chose. */
    default NotificationPreferences orDefaults(String beneficiaryId) {
        return of(beneficiaryId).orElseGet(() -> NotificationPreferences.defaults(beneficiaryId));
    }

    /**
     * Writes {@code changed} if nobody changed the choices since they were read at {@code changed.version()}
     * (0: never stored); {@code false}, writing nothing, otherwise.
     */
    boolean save(NotificationPreferences changed);
}
