package fr.bilan.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.MemoryMongo;

/** The store's answers the dispatcher and its metrics read: who is ahead of whom, what is late, what failed. */
class DispatcherReadsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final MemoryMongo MONGO = new MemoryMongo();
    private NotificationRepository repository;

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @BeforeEach
    void empty() {
        repository = new NotificationRepository(MONGO.freshDatabase());
    }

    private Notification plan(String id, Recipient recipient, Instant due) {
        Notification message = Notification.planned(id, "e-" + id, NotificationKind.SYNTHESIS_AVAILABLE, "c1", recipient,
                "a1", new Subject.Synthesis("a1"), due);
        repository.plan(message);
        return message;
    }

    @Test
    void aMessageIsBehindThePendingOnesOfItsRecipientDueEarlierOrAtTheSameTimeWithASmallerId() {
        Recipient b1 = new Recipient.Beneficiary("b1");
        Notification first = plan("n1", b1, T0);
        Notification sameTime = plan("n2", b1, T0);
        Notification later = plan("n3", b1, T0.plusSeconds(1));
        plan("n0", new Recipient.Beneficiary("b2"), T0.minusSeconds(60));

        assertThat(repository.anyPendingAhead(first)).as("another recipient's earlier message").isFalse();
        assertThat(repository.anyPendingAhead(sameTime)).isTrue();
        assertThat(repository.anyPendingAhead(later)).isTrue();

        repository.replace(first.sent("v1", T0));
        assertThat(repository.anyPendingAhead(sameTime)).isFalse();
        assertThat(repository.anyPendingAhead(later)).as("behind n2 still").isTrue();
    }

    @Test
    void theLateTheDueAndTheFailedAreCounted() {
        Notification backingOff = plan("n1", new Recipient.Beneficiary("b1"), T0.minusSeconds(600));
        repository.replace(backingOff.retryAt(T0.plusSeconds(60)));
        plan("n2", new Recipient.Beneficiary("b2"), T0.minusSeconds(60));
        plan("n3", new Recipient.Beneficiary("b3"), T0.plusSeconds(60));
        Notification refused = plan("n4", new Recipient.Beneficiary("b4"), T0.minusSeconds(6000));
        repository.replace(refused.failed("refusé", "v1", T0));

        assertThat(repository.countDue(T0)).as("n2; n1 backs off").isEqualTo(1);
        assertThat(repository.oldestPendingDue(T0)).as("n1, late though backing off").contains(T0.minusSeconds(600));
        assertThat(repository.oldestPendingDue(T0.minusSeconds(3600))).isEmpty();
        assertThat(repository.countFailed()).isEqualTo(1);
    }
}
