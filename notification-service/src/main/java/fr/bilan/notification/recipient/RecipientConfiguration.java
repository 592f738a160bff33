package fr.bilan.notification.recipient;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.util.StringUtils;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.identity.AccountDirectory;
import fr.bilan.support.identity.DirectoryUnavailable;
import fr.bilan.support.identity.KeycloakAccountDirectory;
import fr.bilan.support.security.ServiceToken;

/**
 * Where recipients are looked up: beneficiary-service over the channel {@code beneficiary}
 * ({@code spring.grpc.client.channel.beneficiary.*}) with the service's own token, and the identity
 * provider's directory ({@code bilan.directory.*}, the {@code bilan-directory} client, which may only
 * view users). Without the one or the other's secret the service starts, and the messages for those
 * recipients wait (pending) until it restarts with it.
 */
@Configuration(proxyBeanMethods = false)
class RecipientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RecipientConfiguration.class);

    @Bean
    BeneficiaryContacts beneficiaryContacts(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken,
            ClientDeadlines clients) {
        Optional<ServiceToken> token = Optional.ofNullable(serviceToken.getIfAvailable());
        if (token.isEmpty()) {
            log.warn("No client secret (bilan.oidc.client-secret / BILAN_OIDC_CLIENT_SECRET): messages to beneficiaries "
                    + "stay pending until the service restarts with one.");
        }
        return new BeneficiaryContacts(token.map(own -> BeneficiaryContactServiceGrpc
                .newBlockingStub(channels.createChannel("beneficiary")).withCallCredentials(own.callCredentials())),
                token, new Downstream("Le service des bénéficiaires", clients.deadline("beneficiary")));
    }

    @Bean
    AccountDirectory accountDirectory(@Value("${bilan.directory.realm-admin-uri}") URI realmAdmin,
            @Value("${bilan.directory.token-uri}") URI tokenUri, @Value("${bilan.directory.client-id}") String clientId,
            @Value("${bilan.directory.client-secret:}") String clientSecret, ClientDeadlines clients, Clock clock) {
        if (!StringUtils.hasText(clientSecret)) {
            log.warn("No secret for the identity provider's directory (bilan.directory.client-secret / "
                    + "BILAN_DIRECTORY_CLIENT_SECRET): messages to staff stay pending until the service restarts with one.");
            return subject -> {
                throw new DirectoryUnavailable("bilan.directory.client-secret is not set");
            };
        }
        return new KeycloakAccountDirectory(realmAdmin, new ServiceToken(tokenUri, clientId, clientSecret, clock),
                clients.deadline("directory"));
    }

    @Bean
    Recipients recipients(BeneficiaryContacts beneficiaries, AccountDirectory accounts) {
        return new Recipients(beneficiaries, accounts);
    }
}
