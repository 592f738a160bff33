package fr.bilan.support.identity;

/**
 * The identity provider could not say who a login is (unreachable, refused the directory's own
 * credentials, answered nonsense, or no credentials were configured): whatever needed it waits. The
 * message is for logs; callers are told in French that the check cannot be made now.
 */
public class DirectoryUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailable(String message) {
        super(message);
    }

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
