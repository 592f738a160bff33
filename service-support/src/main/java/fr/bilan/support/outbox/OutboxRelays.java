package fr.bilan.support.outbox;

import java.time.Clock;
import java.util.function.Function;

import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Builds a service's outbox relays from what they share: the service's own token, the channel to
 * retention-service (where the platform's outboxes deliver), the relays' lock provider, the
 * {@code bilan.outbox.*} settings and the clock. A bean only when the service has credentials
 * ({@link OutboxRelayConfiguration}).
 */
public final class OutboxRelays {

    /** The channel's name: {@code spring.grpc.client.channel.retention.*}. */
    private static final String RETENTION_CHANNEL = "retention";

    private final ServiceToken serviceToken;
    private final GrpcChannelFactory channels;
    private final LockProvider lockProvider;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRelays(ServiceToken serviceToken, GrpcChannelFactory channels, LockProvider lockProvider,
            OutboxProperties properties, Clock clock) {
        this.serviceToken = serviceToken;
        this.channels = channels;
        this.lockProvider = lockProvider;
        this.properties = properties;
        this.clock = clock;
    }

    /** retention-service, called as the service itself. */
    public RetentionServiceBlockingStub retention() {
        return asService(RETENTION_CHANNEL, RetentionServiceGrpc::newBlockingStub);
    }

    /**
     * Another service an outbox delivers to, called as the service itself.
     *
     * @param channel the channel's name: {@code spring.grpc.client.channel.<channel>.*}
     */
    public <S extends AbstractStub<S>> S asService(String channel, Function<Channel, S> newStub) {
        return newStub.apply(channels.createChannel(channel)).withCallCredentials(serviceToken.callCredentials());
    }

    /**
     * The relay of one outbox.
     *
     * @param lock       its lock name, one per outbox
     * @param deliveries what it delivers in a run
     */
    public OutboxRelay relay(String lock, OutboxCollection entries, OutboxMetrics metrics, OutboxRelay.Deliveries deliveries) {
        return new OutboxRelay(lock, deliveries, new OutboxDelivery(entries, metrics, serviceToken, properties, clock),
                new DefaultLockingTaskExecutor(lockProvider), properties, clock);
    }
}
