package fr.bilan.support.outbox;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.mongo.MongoDatabaseAutoConfiguration;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.time.ClockAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * Every outbox of a service, from its {@link OutboxDefinition} beans: the {@code bilan.outbox.*}
 * settings, each outbox's metrics always, and its relay only with the service's own credentials
 * ({@link ConditionalOnServiceCredentials}): without a client secret the service has no token, it
 * runs all the same, entries stay pending, and one warning at start-up says why.
 */
@AutoConfiguration(after = { MongoDatabaseAutoConfiguration.class, ClockAutoConfiguration.class })
@ConditionalOnBean(MongoDatabase.class)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);
    /** ShedLock's collection in the service's database: one document per lock name. */
    private static final String LOCK_COLLECTION = "shedlock";

    @Bean
    LockProvider outboxLockProvider(MongoDatabase database) {
        return new MongoLockProvider(database.getCollection(LOCK_COLLECTION));
    }

    @Bean
    OutboxMonitoring outboxMonitoring(List<OutboxDefinition<?>> outboxes, MeterRegistry registry, Clock clock) {
        return new OutboxMonitoring(outboxes, registry, clock);
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelays outboxRelays(List<OutboxDefinition<?>> outboxes, OutboxMonitoring outboxMonitoring,
            ServiceToken serviceToken, GrpcChannelFactory channels, LockProvider outboxLockProvider,
            OutboxProperties properties, Clock clock) {
        return new OutboxRelays(outboxes, outboxMonitoring, new OutboxReceivers(serviceToken, channels), serviceToken,
                outboxLockProvider, properties, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> outboxRelayNotice(ObjectProvider<OutboxRelays> relays,
            OutboxMonitoring outboxMonitoring) {
        return ready -> {
            if (!outboxMonitoring.names().isEmpty() && relays.getIfAvailable() == null) {
                log.warn("Outbox relay NOT started ({}): no client secret ({} / BILAN_OIDC_CLIENT_SECRET), so no token "
                        + "to call the receivers. Entries stay pending (metric {}) until the service restarts "
                        + "with one.", outboxMonitoring.names(), ConditionalOnServiceCredentials.SECRET_PROPERTY,
                        OutboxMetrics.PENDING);
            }
        };
    }
}
