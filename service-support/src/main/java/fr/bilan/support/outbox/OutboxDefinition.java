package fr.bilan.support.outbox;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One outbox of a service, the only thing a service writes to have one: where its entries are, what
 * a pending entry says, and how it is delivered. A service declares each as a bean;
 * {@link OutboxAutoConfiguration} gives every one its metrics ({@code outbox=<name>}) and, when the
 * service has credentials of its own, its relay (lock {@code <name>-outbox-relay}).
 *
 * @param <T> what a pending entry carries, as the outbox reads it from its document
 */
public interface OutboxDefinition<T> {

    /** Its name, as its metrics are tagged ({@code consent}, {@code action-end}…). */
    String name();

    /** The documents that carry its entries, their marker, and when each entry was made. */
    OutboxCollection entries();

    /** A pending document (with its marker) as the entry it carries. */
    T read(Document pending);

    /** The entry as the relay tracks it: its id, the failures it met, its name in logs, what must still hold. */
    PendingEntry entry(T record);

    /**
     * How a run delivers the due entries, to {@code receivers} called as the service itself: asked
     * once, when the relay starts. {@link UnorderedDeliveries} when no order binds the entries,
     * {@link BatchedDeliveries} when the receiver takes many a call.
     */
    OutboxRelay.Deliveries deliveries(OutboxReceivers receivers);

    /** The fields {@link #read} needs, when the documents hold much more; {@code null}: all. */
    default Bson projection() {
        return null;
    }

    /** Its relay's lock, one per outbox in the service's database. */
    default String lock() {
        return name() + "-outbox-relay";
    }
}
