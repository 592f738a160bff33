package fr.bilan.notification.template;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Subject;

/**
 * A message about to be written, with everything its template needs, resolved when it is sent.
 *
 * @param greetingName   how the reader is greeted (their given and family names)
 * @param email          where it goes
 * @param consultantName  the consultant's name for a session's message, {@code null} otherwise or when unknown
 * @param beneficiaryName the beneficiary a message to their consultant is about (a follow-up accepted), as
 *                        beneficiary-service names them when it is sent; {@code null} for any other message
 * @param centreName     the centre's name as it signs; empty when the centre has no identity configured
 * @param zone           the centre's zone, in which every time is written
 * @param link           where in the application the reader acts on it (never carrying personal data)
 */
public record Letter(NotificationKind kind, Subject subject, String greetingName, String email, String consultantName,
        String beneficiaryName, String centreName, ZoneId zone, URI link) {

    public Letter {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(greetingName);
        Objects.requireNonNull(email);
        Objects.requireNonNull(centreName);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(link);
    }
}
