package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/** The producers' stand-in for notification-service keeps the contract the real one keeps (notification-service runs it too). */
class FakeNotificationIntakeContractTest extends NotificationIntakeContract {

    private static final FakeNotificationIntake NOTIFICATIONS = FakeNotificationIntake.started();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", NOTIFICATIONS.port)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @Override
    protected Channel notifications() {
        return CHANNEL;
    }

    /** The fake received the fact and took it in for the first time. */
    @Override
    protected void assertKeptHere(String eventId, String assessmentId) {
        assertThat(NOTIFICATIONS.takenInAbout(assessmentId)).singleElement()
                .satisfies(event -> assertThat(event.getEventId()).isEqualTo(eventId));
        assertThat(NOTIFICATIONS.hasTakenIn(eventId)).isTrue();
    }
}
