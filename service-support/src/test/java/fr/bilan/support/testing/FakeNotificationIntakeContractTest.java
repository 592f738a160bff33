package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import fr.bilan.proto.notification.internal.v1.AssessmentEnded;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.support.time.ProtoTime;
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

    /** The hook runs once, while the fact is in flight: before it is taken in and answered. */
    @Test
    void runsWhatHappensMeanwhileOnceBeforeTakingTheFactIn() {
        String assessmentId = UUID.randomUUID().toString();
        NotificationEvent event = NotificationEvent.newBuilder().setEventId("ended/" + assessmentId)
                .setOccurTime(ProtoTime.of(Instant.parse("2026-03-02T09:00:00Z")))
                .setAssessmentEnded(AssessmentEnded.newBuilder().setAssessmentId(assessmentId)
                        .setBeneficiaryId(UUID.randomUUID().toString()).setCentreId("centre-lyon"))
                .build();
        List<Boolean> takenInWhenRun = new CopyOnWriteArrayList<>();
        NOTIFICATIONS.whileTakingIn(event.getEventId(), () -> takenInWhenRun.add(NOTIFICATIONS.hasTakenIn(event.getEventId())));
        var platform = NotificationIntakeServiceGrpc.newBlockingStub(CHANNEL).withCallCredentials(bearer(
                TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)));

        for (int i = 0; i < 2; i++) {
            platform.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .recordEvents(RecordEventsRequest.newBuilder().addEvents(event).build());
        }

        assertThat(takenInWhenRun).containsExactly(false);
        assertThat(NOTIFICATIONS.hasTakenIn(event.getEventId())).isTrue();
    }
}
