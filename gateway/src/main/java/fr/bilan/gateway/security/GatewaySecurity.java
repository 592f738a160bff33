package fr.bilan.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.PageRequests;
import fr.bilan.gateway.problem.ProblemResponses;
import fr.bilan.gateway.transcoding.HttpBindings;

/**
 * Bearer tokens from Keycloak, checked for signature, expiry, issuer and audience (Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}), on every API route but those whose contract
 * makes the secret in their path the credential ({@link SecretPathRoutes}). Refusals are problems
 * like any other.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemResponses problems, CorsProperties cors,
            HttpBindings bindings, PageRequests pages) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(GatewaySecurity::realmRoles);
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
            boolean serviceToken = failure.getMessage() != null
                    && failure.getMessage().contains(TokenVerification.SERVICE_TOKEN);
            return problems.write(exchange, ProblemKind.UNAUTHENTICATED, serviceToken
                    ? "Ce jeton est celui d'un service de la plateforme : l'API publique n'accepte que les jetons des "
                            + "personnes."
                    : tokenGiven ? "Le jeton d'accès est invalide ou expiré."
                    : "Un jeton d'accès est requis (en-tête Authorization: Bearer).");
        };
        ServerAccessDeniedHandler denied = (exchange, failure) -> problems.write(exchange,
                ProblemKind.PERMISSION_DENIED, "Vous n'avez pas le droit d'effectuer cette opération.");
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                        .permitAll()
                        .matchers(new SecretPathRoutes(bindings)).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CorsFilter(corsSource(cors), problems, pages), SecurityWebFiltersOrder.CORS)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .hsts(hsts -> hsts.includeSubdomains(true).maxAge(java.time.Duration.ofDays(365))))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** Requests the firewall refuses (encoded slashes, NUL, ';' in paths...) get a problem too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemKind.INVALID_ARGUMENT,
                "Le chemin ou les paramètres de la requête contiennent des caractères refusés.");
    }

    /** Browsers may call the API from the configured front-end origins only ({@link CorsFilter}). */
    private static CorsConfigurationSource corsSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                "X-Request-Id"));
        // what a front-end reads of an answer: the correlation id, when to retry, the version to send
        // back, the methods allowed, and the name a download is saved under
        cors.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG, HttpHeaders.ALLOW,
                HttpHeaders.CONTENT_DISPOSITION));
        cors.setMaxAge(java.time.Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /** Keycloak's realm roles ({@code realm_access.roles}) as {@code ROLE_x} authorities. */
    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        Object roles = realmAccess instanceof Map<?, ?> map ? map.get("roles") : null;
        if (!(roles instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
