package fr.bilan.notification.message;

/** What became of a message; the contract's {@code DeliveryOutcome}, name for name. */
public enum DeliveryOutcome {
    /** Waiting for its time, or for the mail server to take it. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** No address to send it to: the person has no e-mail, or no longer exists. */
    UNDELIVERABLE,
    /** Refused by the mail server for good. */
    FAILED,
    /** Not sent on purpose: a reminder turned off, or no longer needed. */
    WITHDRAWN;

    /** Whether nothing will change it any more. */
    public boolean settled() {
        return this != PENDING;
    }
}
