package fr.bilan.support.outbox;

import java.util.function.Function;

import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;

/**
 * How an outbox whose entries are each one fact for notification-service hands them over: on the
 * {@value #CHANNEL} channel with the service's own token, one call per entry, in no particular order. The
 * services' outboxes of notices share it, so that the channel and the call are written once.
 */
public final class NotificationFacts {

    /** The channel (the {@code spring.grpc.client.channels} entry) every service reaches notification-service on. */
    public static final String CHANNEL = "notification";

    private NotificationFacts() {
    }

    /** The deliveries of {@code outbox}, each entry's fact made by {@code fact} when it goes. */
    public static <T> OutboxRelay.Deliveries oneEach(OutboxDefinition<T> outbox, OutboxReceivers receivers,
            Function<T, NotificationEvent> fact) {
        var intake = receivers.asService(CHANNEL, NotificationIntakeServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(outbox, (pending, deadline) -> intake.withDeadline(deadline)
                .recordEvents(RecordEventsRequest.newBuilder().addEvents(fact.apply(pending)).build())
                .getRecordedCount() == 1);
    }
}
