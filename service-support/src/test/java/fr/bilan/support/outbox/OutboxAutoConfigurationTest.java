package fr.bilan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.MemoryMongo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What a service gets from its outbox definitions alone, without wiring them. */
class OutboxAutoConfigurationTest {

    private static final MemoryMongo MONGO = new MemoryMongo();

    /** An outbox that delivers nothing: only its name and its collection matter here. */
    private record Quiet(String name, OutboxCollection entries) implements OutboxDefinition<Document> {

        Quiet(String name, MongoDatabase database) {
            this(name, new OutboxCollection(database.getCollection(name), new OutboxMarker("outbox"), "outbox.time"));
        }

        @Override
        public Document read(Document pending) {
            return pending;
        }

        @Override
        public PendingEntry entry(Document record) {
            return new PendingEntry(record.getString("_id"), 0, record.getString("_id"));
        }

        @Override
        public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
            return run -> { };
        }
    }

    private final MongoDatabase database = MONGO.freshDatabase();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
            .withBean(MongoDatabase.class, () -> database)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(Clock.class, Clock::systemUTC);

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void everyOutboxHasItsMetricsAndNoRelayRunsWithoutTheServicesCredentials() {
        database.getCollection("consent").insertOne(new Document("_id", "r-1")
                .append("outbox", OutboxMarker.newPending(Instant.now()).append("time", new Date())));

        runner.withBean("consent", Quiet.class, () -> new Quiet("consent", database))
                .withBean("action-end", Quiet.class, () -> new Quiet("action-end", database))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelays.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get(OutboxMetrics.PENDING).tag(OutboxMetrics.OUTBOX_TAG, "consent").gauge().value())
                            .isEqualTo(1);
                    assertThat(meters.get(OutboxMetrics.PENDING).tag(OutboxMetrics.OUTBOX_TAG, "action-end").gauge()
                            .value()).isZero();
                });
    }

    @Test
    void twoOutboxesOfOneNameAreRefusedAtStart() {
        runner.withBean("first", Quiet.class, () -> new Quiet("consent", database))
                .withBean("second", Quiet.class, () -> new Quiet("consent", database))
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("consent"));
    }

    @Test
    void eachRelayHasALockOfItsOwn() {
        assertThat(new Quiet("account-link", database).lock()).isEqualTo("account-link-outbox-relay");
    }
}
