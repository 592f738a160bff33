package fr.bilan.support.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own access token, for calls that no user makes (an outbox relay, a clock): the
 * OAuth 2 client-credentials grant at Keycloak's token endpoint, the client authenticating with its
 * secret (HTTP Basic, RFC 6749 §2.3.1). The token is kept until {@link #RENEW_BEFORE_EXPIRY} before
 * it expires, so the endpoint is asked about once per token lifespan. The secret is never logged,
 * never put in an exception message, and {@link #toString()} leaves it out.
 */
public final class ServiceToken {

    /** A cached token is renewed this long before it expires, so no call leaves with a token about to die. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    /** Lifespan assumed when the endpoint does not say ({@code expires_in} missing). */
    static final Duration DEFAULT_LIFESPAN = Duration.ofSeconds(60);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenUri;
    private final String clientId;
    private final String basicCredentials;
    private final Clock clock;
    private final HttpClient http;
    // a lock rather than synchronized: callers may be virtual threads, which a monitor pins on Java 17-23
    private final ReentrantLock lock = new ReentrantLock();
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    public ServiceToken(URI tokenUri, String clientId, String clientSecret, Clock clock) {
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("No client secret for " + clientId);
        }
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    }

    /** A valid access token: the cached one, or a new one when the cached one expires within 30 s. */
    public String accessToken() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (accessToken == null || !now.isBefore(renewAt)) {
                fetch(now);
            }
            return accessToken;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the cached token, e.g. after a server refused it: the next call asks for a new one. */
    public void invalidate() {
        lock.lock();
        try {
            accessToken = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the token as {@code authorization: Bearer …} on each gRPC call. When no token can be
     * had, the call fails with {@code UNAVAILABLE} before it leaves: retrying later may succeed.
     */
    public CallCredentials callCredentials() {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                executor.execute(() -> {
                    try {
                        Metadata headers = new Metadata();
                        headers.put(AUTHORIZATION, "Bearer " + accessToken());
                        applier.apply(headers);
                    } catch (ServiceTokenException e) {
                        applier.fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
                    }
                });
            }
        };
    }

    private void fetch(Instant now) {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", basicCredentials)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenException("Token endpoint " + tokenUri + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("Interrupted while asking " + tokenUri + " for a token");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            // only the OAuth error code: the body is not ours to log
            String error = body.path("error").asString("");
            throw new ServiceTokenException("Token endpoint " + tokenUri + " refused client " + clientId + ": HTTP "
                    + response.statusCode() + (error.isEmpty() ? "" : " " + error));
        }
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new ServiceTokenException("Token endpoint " + tokenUri + " answered without an access token");
        }
        long expiresIn = body.path("expires_in").asLong(DEFAULT_LIFESPAN.toSeconds());
        accessToken = token;
        renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ServiceToken[client " + clientId + " at " + tokenUri + "]";
    }

    /** No token could be had: the endpoint is unreachable or refused the client. Never carries the secret. */
    public static final class ServiceTokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ServiceTokenException(String message) {
            super(message);
        }
    }
}
