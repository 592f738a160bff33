package fr.bilan.notification.delivery;

import fr.bilan.support.errors.Unavailable;

/** The mail server cannot take a message that must go at once: the caller tries again later. */
public class MailUnavailable extends RuntimeException implements Unavailable {

    private static final long serialVersionUID = 1L;

    MailUnavailable(String detail, Throwable cause) {
        super("the mail server did not take the message: " + detail, cause);
    }

    @Override
    public String unreachable() {
        return "mail server";
    }

    @Override
    public String frenchReason() {
        return "Le serveur de messagerie ne peut pas prendre ce message pour l'instant : réessayez plus tard.";
    }
}
