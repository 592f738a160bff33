package fr.bilan.support.security;

import java.util.concurrent.Executor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The current caller's own bearer token, passed on to another service: that service then checks the
 * caller's rights itself (a consultant reaches only their beneficiaries there too), instead of
 * trusting this one.
 */
public final class CallerToken {

    private CallerToken() {
    }

    /** Credentials carrying the token of the call being served; read now, on the serving thread. */
    public static CallCredentials callCredentials() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw Status.UNAUTHENTICATED.withDescription("Authentification requise.").asRuntimeException();
        }
        String token = jwt.getToken().getTokenValue();
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(ServiceToken.AUTHORIZATION, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
