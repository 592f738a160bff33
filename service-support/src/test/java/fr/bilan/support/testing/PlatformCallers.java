package fr.bilan.support.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.security.Caller;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * How the stand-ins of internal services (FakeRetention, FakeNotificationIntake, FakeBeneficiaryContacts)
 * take a call as the real services' ports do: a bearer token of {@link TestIdentityProvider}, signed and
 * of its issuer, holding the platform-service role; else UNAUTHENTICATED or PERMISSION_DENIED.
 */
final class PlatformCallers {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> TOKEN = Context.key("authorization");
    private static final JwtDecoder TOKENS = NimbusJwtDecoder.withJwkSetUri(TestIdentityProvider.jwksUri()).build();

    /** Who called: the platform service's subject when taken, else the status that refuses the call. */
    record Checked(String subject, Status refusal) {

        boolean taken() {
            return refusal == null;
        }
    }

    private PlatformCallers() {
    }

    /**
     * As the real service's own check would answer the current call: its refusal, or {@code null} when the
     * token is good, its subject then added to {@code callers}.
     */
    static StatusRuntimeException refusalOrNoted(Set<String> callers) {
        Checked caller = check();
        if (!caller.taken()) {
            return caller.refusal().asRuntimeException();
        }
        callers.add(caller.subject());
        return null;
    }

    /** {@code service} with each call's {@code authorization} header at hand for {@link #check()}. */
    static ServerServiceDefinition withTokens(BindableService service) {
        return ServerInterceptors.intercept(service, new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                Context withToken = Context.current().withValue(TOKEN, headers.get(AUTHORIZATION));
                return Contexts.interceptCall(withToken, call, headers, next);
            }
        });
    }

    /** The current call's caller, checked as the real service's port would. */
    static Checked check() {
        String header = TOKEN.get();
        if (header == null || !header.startsWith("Bearer ")) {
            return new Checked(null, Status.UNAUTHENTICATED);
        }
        try {
            Jwt jwt = TOKENS.decode(header.substring("Bearer ".length()));
            Caller caller = new Caller(jwt.getSubject(), realmRoles(jwt), Set.of());
            if (!jwt.getIssuer().toString().equals(TestIdentityProvider.issuer()) || !caller.hasRole(Role.PLATFORM_SERVICE)) {
                return new Checked(null, Status.PERMISSION_DENIED);
            }
            return new Checked(jwt.getSubject(), null);
        } catch (JwtException e) {
            return new Checked(null, Status.UNAUTHENTICATED);
        }
    }

    private static Set<String> realmRoles(Jwt jwt) {
        return jwt.getClaims().get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles
                ? roles.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
    }
}
