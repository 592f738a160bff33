package fr.bilan.beneficiary.outbox;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.retention.v1.RetentionServiceGrpc;
import fr.bilan.support.outbox.OutboxDelivery;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.outbox.OutboxProperties;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.OutboxRelayConfiguration;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;

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
    OutboxRelay consentOutboxRelay(ConsentOutbox outbox, GrpcChannelFactory channels, ServiceToken serviceToken,
            LockProvider outboxLockProvider, OutboxMetrics consentOutboxMetrics, OutboxProperties properties,
            GapGraceProperties gapGrace, Clock clock) {
        // the channel named retention: spring.grpc.client.channel.retention.*
        var retention = RetentionServiceGrpc.newBlockingStub(channels.createChannel("retention"))
                .withCallCredentials(serviceToken.callCredentials());
        return new OutboxRelay(LOCK, new ConsentDeliveries(outbox, retention, gapGrace.gapGrace(), clock),
                new OutboxDelivery(outbox.entries(), consentOutboxMetrics, serviceToken, properties, clock),
                new DefaultLockingTaskExecutor(outboxLockProvider), properties, clock);
    }
}
