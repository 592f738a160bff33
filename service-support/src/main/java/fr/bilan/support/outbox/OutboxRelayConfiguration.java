package fr.bilan.support.outbox;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * What the outboxes of a service share, for the service's outbox configuration to import: the
 * {@code bilan.outbox.*} settings, scheduling, the relays' lock provider, what builds the relays
 * ({@link OutboxRelays}, with credentials only), and one warning at start-up when no relay is
 * started. A service declares each outbox's {@link OutboxMetrics} always, and its
 * {@link OutboxRelay} under {@link ConditionalOnServiceCredentials}: without a client secret it has
 * no token of its own, the service runs, and entries stay pending.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxRelayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayConfiguration.class);
    /** ShedLock's collection in the service's database: one document per lock name. */
    private static final String LOCK_COLLECTION = "shedlock";

    @Bean
    LockProvider outboxLockProvider(MongoDatabase database) {
        return new MongoLockProvider(database.getCollection(LOCK_COLLECTION));
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelays outboxRelays(ServiceToken serviceToken, GrpcChannelFactory channels, LockProvider outboxLockProvider,
            OutboxProperties properties, Clock clock) {
        return new OutboxRelays(serviceToken, channels, outboxLockProvider, properties, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> outboxRelayNotice(ObjectProvider<OutboxRelay> relays,
            ObjectProvider<OutboxMetrics> outboxes) {
        return ready -> {
            if (relays.stream().findAny().isEmpty()) {
                log.warn("Outbox relay NOT started ({}): no client secret ({} / BILAN_OIDC_CLIENT_SECRET), so no token "
                        + "to call retention-service. Entries stay pending (metric {}) until the service restarts "
                        + "with one.", outboxes.stream().map(OutboxMetrics::outbox).toList(),
                        ConditionalOnServiceCredentials.SECRET_PROPERTY, OutboxMetrics.PENDING);
            }
        };
    }
}
