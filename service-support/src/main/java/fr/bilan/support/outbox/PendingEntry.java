package fr.bilan.support.outbox;

/**
 * An outbox entry waiting for delivery.
 *
 * @param id       its document's {@code _id}
 * @param attempts the failed attempts it met so far
 * @param name     how logs name it: identifiers only, never personal data
 */
public record PendingEntry(String id, int attempts, String name) {
}
