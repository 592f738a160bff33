package fr.bilan.support.security;

import java.net.URI;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import fr.bilan.support.time.ClockAutoConfiguration;

/**
 * The service's own token ({@link ServiceToken}) when it has a client secret: {@code bilan.oidc.token-uri},
 * {@code bilan.oidc.client-id} and {@code bilan.oidc.client-secret}.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnServiceCredentials
public class ServiceTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceToken serviceToken(@Value("${bilan.oidc.token-uri}") URI tokenUri,
            @Value("${bilan.oidc.client-id}") String clientId,
            @Value("${" + ConditionalOnServiceCredentials.SECRET_PROPERTY + "}") String clientSecret, Clock clock) {
        return new ServiceToken(tokenUri, clientId, clientSecret, clock);
    }
}
