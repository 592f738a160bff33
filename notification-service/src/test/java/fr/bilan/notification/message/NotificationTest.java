package fr.bilan.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A message leaves PENDING once, and counts the mail server's tries. */
class NotificationTest {

    private static final Instant DUE = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant NOW = DUE.plusSeconds(5);

    static Notification planned() {
        return Notification.planned("n1", "e1/SYNTHESIS_AVAILABLE", NotificationKind.SYNTHESIS_AVAILABLE, "c1",
                new Recipient.Beneficiary("b1"), "a1", new Subject.Synthesis("a1"), DUE);
    }

    static Stream<Arguments> settlements() {
        return Stream.of(
                Arguments.of("sent", (UnaryOperator<Notification>) n -> n.sent("v1", NOW), DeliveryOutcome.SENT, 1),
                Arguments.of("failed", (UnaryOperator<Notification>) n -> n.failed("refusé", "v1", NOW), DeliveryOutcome.FAILED, 1),
                Arguments.of("undeliverable", (UnaryOperator<Notification>) n -> n.undeliverable("sans adresse", NOW),
                        DeliveryOutcome.UNDELIVERABLE, 0),
                Arguments.of("withdrawn", (UnaryOperator<Notification>) n -> n.withdrawn("rappels désactivés", NOW),
                        DeliveryOutcome.WITHDRAWN, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settlements")
    void aMessageSettlesOnceAndCountsTheServersTries(String name, UnaryOperator<Notification> settle,
            DeliveryOutcome outcome, int attempts) {
        Notification retried = planned().retryAt(DUE.plusSeconds(60));
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.nextAttemptTime()).isEqualTo(DUE.plusSeconds(60));

        Notification settled = settle.apply(retried);

        assertThat(settled.outcome()).isEqualTo(outcome);
        assertThat(settled.attempts()).isEqualTo(1 + attempts);
        assertThat(settled.outcomeTime()).isEqualTo(NOW);
        assertThatThrownBy(() -> settle.apply(settled)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> settled.retryAt(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
