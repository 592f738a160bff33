package fr.bilan.synthesis.vault;

/**
 * A bilan's data key cannot be unwrapped: the master key it was wrapped with is not in the keyring
 * (retired too early, or a configuration that lost it), or another key is configured under its id.
 * A configuration fault of the platform, not the caller's: the document is intact and opens again
 * once the key is back.
 */
public class MasterKeyUnavailable extends RuntimeException {

    private final String masterKeyId;

    MasterKeyUnavailable(String message, String masterKeyId, Throwable cause) {
        super(message, cause);
        this.masterKeyId = masterKeyId;
    }

    /** The id recorded next to the wrapped data key. */
    public String masterKeyId() {
        return masterKeyId;
    }
}
