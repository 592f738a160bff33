package fr.bilan.support.identity;

import fr.bilan.support.errors.Unavailable;

/**
 * The identity provider could not say who a login is (unreachable, refused the directory's own
 * credentials, answered nonsense, or no credentials were configured): whatever needed it waits. The
 * message is for logs; callers are told in French that the check cannot be made now.
 */
public class DirectoryUnavailable extends RuntimeException implements Unavailable {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailable(String message) {
        super(message);
    }

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String unreachable() {
        return "Identity provider's directory";
    }

    @Override
    public String frenchReason() {
        return "Les comptes de connexion ne peuvent pas être vérifiés pour l'instant : réessayez dans quelques "
                + "instants.";
    }
}
