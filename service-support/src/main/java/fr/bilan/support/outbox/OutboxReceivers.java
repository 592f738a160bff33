package fr.bilan.support.outbox;

import java.util.function.Function;

import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;

/** The services an outbox delivers to, called as the service itself (its own token). */
public final class OutboxReceivers {

    /** The channel's name: {@code spring.grpc.client.channel.retention.*}. */
    private static final String RETENTION_CHANNEL = "retention";

    private final ServiceToken serviceToken;
    private final GrpcChannelFactory channels;

    OutboxReceivers(ServiceToken serviceToken, GrpcChannelFactory channels) {
        this.serviceToken = serviceToken;
        this.channels = channels;
    }

    /** retention-service, where most of the platform's outboxes deliver. */
    public RetentionServiceBlockingStub retention() {
        return asService(RETENTION_CHANNEL, RetentionServiceGrpc::newBlockingStub);
    }

    /**
     * Another service.
     *
     * @param channel the channel's name: {@code spring.grpc.client.channel.<channel>.*}
     */
    public <S extends AbstractStub<S>> S asService(String channel, Function<Channel, S> newStub) {
        return newStub.apply(channels.createChannel(channel)).withCallCredentials(serviceToken.callCredentials());
    }
}
