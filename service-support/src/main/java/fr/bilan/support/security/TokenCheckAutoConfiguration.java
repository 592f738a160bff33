package fr.bilan.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;

/**
 * Defence in depth: every gRPC call carries the caller's bearer token and the service checks it
 * again (signature, issuer, audience, expiry) and checks the roles the contract allows
 * ({@link ContractAccess}), whatever the gateway already did. Only the health service answers
 * without a token, for Kubernetes probes, and the RPCs the contract declares
 * {@code public_with_secret_path}, whose secret the service checks itself; a token sent to those is
 * still checked. Reflection needs a valid token and no particular role.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        beforeName = "org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerOAuth2ResourceServerAutoConfiguration")
@EnableWebSecurity
public class TokenCheckAutoConfiguration {

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoles());
        return converter;
    }

    @Bean
    @GlobalServerInterceptor
    AuthenticationProcessInterceptor grpcTokenCheck(GrpcSecurity grpc, JwtAuthenticationConverter converter)
            throws Exception {
        return grpc
                .authorizeRequests(calls -> calls
                        .methods(HealthGrpc.SERVICE_NAME + "/*").permitAll()
                        .methods(ServerReflectionGrpc.SERVICE_NAME + "/*").authenticated()
                        .allRequests().access(new ContractAccess()))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
                .build();
    }

    /** The HTTP port carries only the actuator: probes and metrics are open, anything else is refused. */
    @Bean
    SecurityFilterChain actuatorOnly(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // /error renders the status of a refused or failed probe instead of hiding it as 403
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
