package fr.bilan.beneficiary.account;

import java.net.URI;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.identity.AccountDirectory;
import fr.bilan.support.identity.DirectoryUnavailable;
import fr.bilan.support.identity.KeycloakAccountDirectory;
import fr.bilan.support.security.ServiceToken;

/**
 * Logins as this service needs them: the identity provider's directory ({@code bilan.directory.*},
 * Keycloak's admin API read with the {@code bilan-directory} client, which may only view users; the
 * account-link outbox is {@link AccountLinkOutbox}). Without the directory's secret the service
 * starts, and every link or assignment is refused as {@code UNAVAILABLE} until it restarts with one:
 * nothing is linked or assigned unchecked.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

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
}
