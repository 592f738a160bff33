package fr.bilan.support.testing;

import org.junit.jupiter.api.AfterAll;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/** The outbox relays' stand-in for retention-service keeps the contract the real one keeps (retention-service runs it too). */
class FakeRetentionContractTest extends RetentionIntakeContract {

    private static final FakeRetention RETENTION = FakeRetention.started();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", RETENTION.port)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @Override
    protected Channel retention() {
        return CHANNEL;
    }
}
