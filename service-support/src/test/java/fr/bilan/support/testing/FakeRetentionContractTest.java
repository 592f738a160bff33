package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

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


    /** The fake received the call and took the event in for the first time. */
    @Override
    protected void assertKeptHere(String eventId, String beneficiaryId) {
        assertThat(RETENTION.callsFor(beneficiaryId)).singleElement()
                .satisfies(call -> assertThat(call.eventId()).isEqualTo(eventId))
                .satisfies(call -> assertThat(call.firstDelivery()).isTrue());
    }
}
