package fr.bilan.notification.recipient;

import fr.bilan.support.errors.Unavailable;

/**
 * Whom a message is for cannot be looked up now (beneficiary-service or the identity provider out of
 * reach, or no credentials to ask them): the message waits, nothing is decided about it.
 */
public class ContactsUnavailable extends RuntimeException implements Unavailable {

    private static final long serialVersionUID = 1L;
    private final String unreachable;

    public ContactsUnavailable(String unreachable, String message, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    @Override
    public String unreachable() {
        return unreachable;
    }

    @Override
    public String frenchReason() {
        return "Les coordonnées des destinataires ne peuvent pas être lues pour l'instant : réessayez dans quelques instants.";
    }
}
