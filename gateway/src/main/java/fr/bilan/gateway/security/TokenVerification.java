package fr.bilan.gateway.security;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;

/**
 * How the gateway checks a bearer token: signature with the keys fetched from the (internal) JWKS
 * URL, issuer equal to the realm's public URL, audience holding the API's, expiry and not-before,
 * and a person's token, never a platform service's (its role skips centre scoping, and no call of
 * the public API is for it); then remembered until it expires.
 */
@Configuration(proxyBeanMethods = false)
public class TokenVerification {

    /** Why a platform service's token is refused: the entry point tells the caller so, in French. */
    public static final String SERVICE_TOKEN = "a platform service's own token";
    private static final String PLATFORM_SERVICE = AccessRules.realmRole(Role.PLATFORM_SERVICE);

    /** Refuses a token whose realm roles (absent in a token with none) name the platform service role. */
    static OAuth2TokenValidatorResult refuseServiceTokens(Jwt jwt) {
        boolean service = jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles && roles.contains(PLATFORM_SERVICE);
        return service ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", SERVICE_TOKEN, null))
                : OAuth2TokenValidatorResult.success();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${bilan.oidc.issuer}") String issuer,
            @Value("${bilan.oidc.jwks-uri}") String jwksUri, @Value("${bilan.oidc.audience}") String audience,
            @Value("${bilan.gateway.verified-tokens-cache-size:10000}") int cacheSize) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<java.util.List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)),
                TokenVerification::refuseServiceTokens));
        return new CachingJwtDecoder(decoder, Clock.systemUTC(), cacheSize);
    }
}
