package fr.bilan.support.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.grpc.Status;

/**
 * The authenticated user behind the current gRPC call, as the token checking left it: subject,
 * realm roles, and the centres they belong to (the {@code centres} claim, from Keycloak groups
 * under {@code /centres}), by which data is scoped.
 */
public record Caller(String subject, Set<String> roles, Set<String> centres) {

    public static final String CENTRES_CLAIM = "centres";

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            // the interceptor refuses such calls first; reaching here means a wiring fault
            throw Status.UNAUTHENTICATED.withDescription("Authentification requise.").asRuntimeException();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> centres = authentication instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getClaims().get(CENTRES_CLAIM) instanceof Collection<?> claimed
                ? claimed.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new Caller(authentication.getName(), roles, centres);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
