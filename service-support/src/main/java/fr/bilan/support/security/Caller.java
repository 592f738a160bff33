package fr.bilan.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import io.grpc.Status;

/**
 * The authenticated user behind the current gRPC call, as the token checking left it: subject,
 * realm roles, and the centres they belong to (the {@code centres} claim, from Keycloak groups
 * under {@code /centres}), by which data is scoped.
 *
 * <p>The one access helper of every service: roles are named by the contract's {@link Role}, never by
 * strings, and a service's own access rules (whose bilan, which centre) are written with
 * {@link #hasRole}, {@link #holdsIn} and {@link #isAccount}, refusing with a
 * {@link fr.bilan.support.refusal.Forbidden}.
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

    public boolean hasRole(Role role) {
        return roles.contains(AccessRules.realmRole(role));
    }

    /** Whether the caller holds one of {@code anyOf} and belongs to that centre. */
    public boolean holdsIn(String centreId, Role... anyOf) {
        return centres.contains(centreId) && Arrays.stream(anyOf).anyMatch(this::hasRole);
    }

    /** Whether the caller is that login (a beneficiary's linked account, a consultant's id); never an empty one. */
    public boolean isAccount(String accountId) {
        return accountId != null && !accountId.isEmpty() && accountId.equals(subject);
    }
}
