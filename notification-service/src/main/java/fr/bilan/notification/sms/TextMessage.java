package fr.bilan.notification.sms;

import java.util.Objects;

import fr.bilan.notification.message.NotificationKind;

/**
 * A text message to a phone.
 *
 * @param recipientId whom it is for ({@code beneficiary:…}), as the records name them
 * @param phoneNumber where it goes, in international form ({@code +33…})
 * @param text        what it says, in French; never anything of a bilan's content
 */
public record TextMessage(String recipientId, NotificationKind kind, String phoneNumber, String text) {

    public TextMessage {
        Objects.requireNonNull(recipientId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(phoneNumber);
        Objects.requireNonNull(text);
    }
}
