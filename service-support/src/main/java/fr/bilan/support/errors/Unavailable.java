package fr.bilan.support.errors;

/**
 * An exception for something a call needs that cannot be asked now: neither the caller's fault nor
 * a bug. {@link UnexpectedErrors} answers it {@code UNAVAILABLE} with its French reason and logs a
 * warning, no stack trace. An interface here so that the packages throwing such exceptions depend on
 * this one, not the reverse.
 */
public interface Unavailable {

    /** What could not be asked, for the log. */
    String unreachable();

    /** What the caller is told, in French. */
    String frenchReason();
}
