package fr.bilan.support.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.grpc.Status;

/** The authenticated user behind the current gRPC call, as the token checking left it. */
public record Caller(String subject, Set<String> roles) {

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
        return new Caller(authentication.getName(), roles);
    }
}
