package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bson.Document;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.outbox.Backoff;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.security.ServiceToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Base of an outbox relay's {@code @SpringBootTest}: the service with a client secret of its own,
 * delivering to a {@link FakeRetention} that fails on demand, with tokens from the test identity
 * provider's client-credentials grant. Short backoffs so that retries happen within the test;
 * every wait is bounded by {@link #AT_MOST}.
 */
public abstract class OutboxRelayTestSupport extends GrpcServiceTestSupport {

    protected static final FakeRetention RETENTION = FakeRetention.started();
    protected static final Duration AT_MOST = Duration.ofSeconds(20);
    /** The waits the settings below give after each failure in a row. */
    protected static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800));

    @Autowired
    private ServiceToken serviceToken;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private PrometheusMeterRegistry prometheus;

    private final String outbox;

    /** @param outbox the name the relay's metrics are tagged with */
    protected OutboxRelayTestSupport(String outbox) {
        this.outbox = outbox;
    }

    @DynamicPropertySource
    static void outboxRelayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("spring.grpc.client.channel.retention.target", () -> "127.0.0.1:" + RETENTION.port);
        registry.add("bilan.outbox.poll-interval", () -> "50ms");
        registry.add("bilan.outbox.initial-backoff", () -> BACKOFF.initial().toMillis() + "ms");
        registry.add("bilan.outbox.max-backoff", () -> BACKOFF.max().toMillis() + "ms");
        registry.add("bilan.outbox.call-timeout", () -> "5s");
    }

    @BeforeEach
    void fetchTheServiceToken() {
        // the first fetch takes seconds on a cold JVM, eaten from the first call's deadline: the
        // tests expect retention-service's answers, not a timeout; on a loaded machine the cold
        // identity provider may even miss the fetch's own timeout once
        await().atMost(AT_MOST).ignoreExceptions().until(() -> !serviceToken.accessToken().isEmpty());
    }

    @AfterEach
    void healRetention() {
        // a test that failed half-way must not leave failures behind for the next ones
        RETENTION.heal();
    }

    /** The chart's outbox alert and panels read metrics this service exports, with the labels they use. */
    protected void assertTheChartReadsItsOutboxMetrics() {
        ChartQueries.assertExported(prometheus, "bilan_outbox_");
    }

    /** The count of the outbox's counter {@code name} with {@code tag=value}; 0 before the first. */
    protected double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(OutboxMetrics.OUTBOX_TAG, outbox).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Watches an entry's marker (as {@code marker} reads it) while every attempt fails with
     * {@code status}, until it counts {@code attempts} failures: the entry stays pending, and each
     * wait it was given lies within {@link #BACKOFF}'s bounds for that many failures, growing.
     */
    protected static void assertBacksOff(Supplier<Document> marker, String status, int attempts) {
        Map<Integer, Duration> waits = new TreeMap<>();
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(10)).until(() -> {
            Document current = marker.get();
            int failures = current.getInteger("attempts");
            if (failures > 0) {
                waits.put(failures, Duration.between(current.getDate("lastAttemptTime").toInstant(),
                        current.getDate("nextAttemptTime").toInstant()));
                assertThat(current.getString("lastStatus")).isEqualTo(status);
                assertThat(current.getBoolean("pending")).isTrue();
            }
            return failures >= attempts;
        });

        waits.forEach((failures, wait) -> assertThat(wait).as("wait after %s failures", failures)
                .isBetween(BACKOFF.ceiling(failures).dividedBy(2), BACKOFF.ceiling(failures)));
        assertThat(waits).hasSizeGreaterThanOrEqualTo(3);
        assertThat(waits.get(Collections.max(waits.keySet()))).isGreaterThan(waits.values().iterator().next());
    }
}
