package fr.bilan.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * How the gateway checks a bearer token: signature with the keys fetched from the (internal) JWKS
 * URL, issuer equal to the realm's public URL, audience holding the API's, expiry and not-before;
 * then remembered until it expires.
 */
@Configuration(proxyBeanMethods = false)
public class TokenVerification {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${bilan.oidc.issuer}") String issuer,
            @Value("${bilan.oidc.jwks-uri}") String jwksUri, @Value("${bilan.oidc.audience}") String audience,
            @Value("${bilan.gateway.verified-tokens-cache-size:10000}") int cacheSize) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<java.util.List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience))));
        return new CachingJwtDecoder(decoder, Clock.systemUTC(), cacheSize);
    }
}
