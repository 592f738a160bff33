package fr.bilan.session.actionend;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.OutboxRelayConfiguration;
import fr.bilan.support.outbox.OutboxRelays;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The action-end outbox ({@code outbox=action-end} on its metrics): its metrics always, its relay
 * only when the service has credentials of its own to call retention-service
 * ({@code bilan.oidc.client-secret}); without them the service runs, ends stay pending, and one
 * warning at start-up says why ({@link OutboxRelayConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxRelayConfiguration.class)
class ActionEndOutboxConfiguration {

    static final String LOCK = "action-end-outbox-relay";

    @Bean
    ActionEndOutbox actionEndOutbox(MongoDatabase database) {
        return new ActionEndOutbox(database);
    }

    @Bean
    OutboxMetrics actionEndOutboxMetrics(MeterRegistry registry, ActionEndOutbox outbox, Clock clock) {
        return new OutboxMetrics(registry, "action-end", outbox.entries(), clock);
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay actionEndOutboxRelay(OutboxRelays relays, ActionEndOutbox outbox, OutboxMetrics actionEndOutboxMetrics) {
        return relays.relay(LOCK, outbox.entries(), actionEndOutboxMetrics, new ActionEndDeliveries(outbox, relays.retention()));
    }
}
