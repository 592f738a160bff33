package fr.bilan.beneficiary.outbox;

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

import fr.bilan.proto.retention.v1.RetentionServiceGrpc;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * The consent outbox: its metrics always, its relay only when the service has credentials of its
 * own to call retention-service ({@code bilan.oidc.client-secret}); without them the service runs,
 * records stay pending, and one warning at start-up says why.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);
    /** ShedLock's collection in the service's database: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    ConsentOutbox consentOutbox(MongoDatabase database) {
        return new ConsentOutbox(database);
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, ConsentOutbox outbox, Clock clock) {
        return new OutboxMetrics(registry, outbox, clock);
    }

    @Bean
    LockProvider outboxLockProvider(MongoDatabase database) {
        return new MongoLockProvider(database.getCollection(LOCK_COLLECTION));
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay outboxRelay(ConsentOutbox outbox, GrpcChannelFactory channels, ServiceToken serviceToken,
            LockProvider outboxLockProvider, OutboxMetrics metrics, OutboxProperties properties, Clock clock) {
        // the channel named retention: spring.grpc.client.channel.retention.*
        var retention = RetentionServiceGrpc.newBlockingStub(channels.createChannel("retention"));
        return new OutboxRelay(outbox, retention, serviceToken, new DefaultLockingTaskExecutor(outboxLockProvider),
                metrics, properties, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> outboxRelayNotice(ObjectProvider<OutboxRelay> relay) {
        return ready -> {
            if (relay.getIfAvailable() == null) {
                log.warn("Consent outbox relay NOT started: no client secret ({} / BILAN_OIDC_CLIENT_SECRET), so no token "
                        + "to call retention-service. Consent records stay pending (metric {}) until the service restarts "
                        + "with one.", ConditionalOnServiceCredentials.SECRET_PROPERTY, OutboxMetrics.PENDING);
            }
        };
    }
}
