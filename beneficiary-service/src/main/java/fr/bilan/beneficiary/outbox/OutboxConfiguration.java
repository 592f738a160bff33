package fr.bilan.beneficiary.outbox;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * The consent outbox ({@code outbox=consent} on its metrics): its metrics always, its relay only
 * when the service has credentials of its own to call retention-service
 * ({@code bilan.oidc.client-secret}); without them the service runs, records stay pending, and one
 * warning at start-up says why ({@link OutboxRelayConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxRelayConfiguration.class)
@EnableConfigurationProperties(GapGraceProperties.class)
class OutboxConfiguration {

    static final String LOCK = "consent-outbox-relay";

    @Bean
    ConsentOutbox consentOutbox(MongoDatabase database) {
        return new ConsentOutbox(database);
    }

    @Bean
    OutboxMetrics consentOutboxMetrics(MeterRegistry registry, ConsentOutbox outbox, Clock clock) {
        return new OutboxMetrics(registry, "consent", outbox.entries(), clock);
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay consentOutboxRelay(OutboxRelays relays, ConsentOutbox outbox, OutboxMetrics consentOutboxMetrics,
            GapGraceProperties gapGrace, Clock clock) {
        return relays.relay(LOCK, outbox.entries(), consentOutboxMetrics,
                new ConsentDeliveries(outbox, relays.retention(), gapGrace.gapGrace(), clock));
    }
}
