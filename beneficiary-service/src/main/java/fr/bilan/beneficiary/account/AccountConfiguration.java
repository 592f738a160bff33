package fr.bilan.beneficiary.account;

import java.net.URI;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.util.StringUtils;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.identity.AccountDirectory;
import fr.bilan.support.identity.DirectoryUnavailable;
import fr.bilan.support.identity.KeycloakAccountDirectory;
import fr.bilan.support.outbox.MarkedDeliveries;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.OutboxRelayConfiguration;
import fr.bilan.support.outbox.OutboxRelays;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Logins as this service needs them: the identity provider's directory ({@code bilan.directory.*},
 * Keycloak's admin API read with the {@code bilan-directory} client, which may only view users),
 * the account-link outbox to session-service ({@code outbox=account-link} on its metrics; its relay
 * only with the service's own credentials), and the refusals of {@link AccountRules} as
 * {@code FAILED_PRECONDITION}. Without the directory's secret the service starts, and every link or
 * assignment is refused as {@code UNAVAILABLE} until it restarts with one: nothing is linked or
 * assigned unchecked.
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxRelayConfiguration.class)
class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);
    static final String LOCK = "account-link-outbox-relay";
    /** session-service: {@code spring.grpc.client.channel.session.*}. */
    static final String SESSION_CHANNEL = "session";

    @Bean
    AccountDirectory accountDirectory(@Value("${bilan.directory.realm-admin-uri}") URI realmAdmin,
            @Value("${bilan.directory.token-uri}") URI tokenUri, @Value("${bilan.directory.client-id}") String clientId,
            @Value("${bilan.directory.client-secret:}") String clientSecret,
            ClientDeadlines clients, Clock clock) {
        if (!StringUtils.hasText(clientSecret)) {
            log.warn("No secret for the identity provider's directory (bilan.directory.client-secret / "
                    + "BILAN_DIRECTORY_CLIENT_SECRET): linking a login to a beneficiary and assigning a consultant are "
                    + "refused until the service restarts with one.");
            return subject -> {
                throw new DirectoryUnavailable("bilan.directory.client-secret is not set");
            };
        }
        return new KeycloakAccountDirectory(realmAdmin, new ServiceToken(tokenUri, clientId, clientSecret, clock),
                clients.deadline("directory"));
    }

    @Bean
    AccountLinkOutbox accountLinkOutbox(MongoDatabase database) {
        return new AccountLinkOutbox(database);
    }

    @Bean
    OutboxMetrics accountLinkOutboxMetrics(MeterRegistry registry, AccountLinkOutbox outbox, Clock clock) {
        return new OutboxMetrics(registry, "account-link", outbox.entries(), clock);
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay accountLinkOutboxRelay(OutboxRelays relays, AccountLinkOutbox outbox,
            OutboxMetrics accountLinkOutboxMetrics) {
        var sessions = relays.asService(SESSION_CHANNEL, AccountLinkServiceGrpc::newBlockingStub);
        // no order binds two beneficiaries; session-service orders one's changes by version
        return relays.relay(LOCK, outbox.entries(), accountLinkOutboxMetrics, new MarkedDeliveries(outbox.entries(),
                AccountLinkOutbox::entry, beneficiary -> deadline -> sessions.withDeadline(deadline)
                        .recordAccountLink(AccountLinkOutbox.request(beneficiary)).getApplied()));
    }

    /** Before service-support's handler, which turns anything unknown into a bare INTERNAL. */
    @Bean
    @Order(0)
    GrpcExceptionHandler accountRefusals() {
        return exception -> exception instanceof AccountRefusal refusal
                ? Status.FAILED_PRECONDITION.withDescription(refusal.getMessage()).asException()
                : null;
    }
}
