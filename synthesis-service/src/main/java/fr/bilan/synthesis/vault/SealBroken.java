package fr.bilan.synthesis.vault;

/**
 * A sealed blob that does not open: altered, truncated, of an unknown format, or sealed for another
 * place or bilan than the one it is read as. Its content must not be trusted, nor shown.
 */
public class SealBroken extends RuntimeException {

    public SealBroken(String message) {
        super(message);
    }

    public SealBroken(String message, Throwable cause) {
        super(message, cause);
    }
}
