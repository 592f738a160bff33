package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The relay gets at most the configured rate, with no burst after a pause. */
class RateLimitTest {

    private long now = 1_000;
    private final List<Long> sleeps = new ArrayList<>();
    private final RateLimit limit = new RateLimit(4, () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos;
    });

    @Test
    void messagesGoOneQuarterOfASecondApartAtFourPerSecond() throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            limit.acquire();
            sent.add(now);
        }

        assertThat(sent.get(8) - sent.get(0)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(sleeps).hasSize(8).allSatisfy(sleep -> assertThat(sleep).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250)));
    }

    @Test
    void aPauseEarnsNoBurst() throws InterruptedException {
        limit.acquire();
        now += TimeUnit.SECONDS.toNanos(10);

        limit.acquire();
        limit.acquire();

        assertThat(sleeps).containsExactly(TimeUnit.MILLISECONDS.toNanos(250));
    }
}
