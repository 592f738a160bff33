package fr.bilan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxBackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void theCeilingDoublesWithEachFailureUpToTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(10)).isEqualTo(Duration.ofMinutes(5));
        // no overflow however long retention-service stays down
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theJitterWaitsBetweenHalfTheCeilingAndTheCeiling() {
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(3, 0.999_999)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(20, 0.999_999)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void randomWaitsStayBetweenHalfTheCeilingAndTheCeiling() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration ceiling = backoff.ceiling(failures);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(failures)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
        // below the maximum, the shortest wait after a failure is the longest after the one before
        assertThat(backoff.ceiling(5).dividedBy(2)).isEqualTo(backoff.ceiling(4));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new OutboxProperties(Duration.ofSeconds(1), 100, Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(5)))
                .hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> new OutboxProperties(Duration.ofSeconds(1), 0, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(5)))
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new OutboxProperties(Duration.ofSeconds(1), 100, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(9)))
                .hasMessageContaining("lock-at-most-for");
    }
}
