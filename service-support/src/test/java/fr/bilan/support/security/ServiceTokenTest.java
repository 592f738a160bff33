package fr.bilan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import tools.jackson.databind.json.JsonMapper;

class ServiceTokenTest {

    private static final String SECRET = "s3cr:t/+é";
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger answerStatus = new AtomicInteger(200);
    private final MutableClock clock = new MutableClock(START);
    private HttpServer endpoint;
    private ServiceToken token;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/token", exchange -> {
            int n = requests.incrementAndGet();
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (answer.get() != null ? answer.get()
                    : "{\"access_token\":\"token-" + n + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answerStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        token = new ServiceToken(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/token"),
                "bilan-services", SECRET, clock);
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void asksWithTheClientCredentialsGrantAuthenticatingWithHttpBasic() {
        assertThat(token.accessToken()).isEqualTo("token-1");

        assertThat(bodies).containsExactly("grant_type=client_credentials");
        String decoded = new String(Base64.getDecoder().decode(authorizations.get(0).substring("Basic ".length())),
                StandardCharsets.UTF_8);
        // RFC 6749 2.3.1: identifier and secret form-encoded before Basic
        assertThat(decoded).isEqualTo("bilan-services:s3cr%3At%2F%2B%C3%A9");
    }

    @Test
    void keepsTheTokenUntilThirtySecondsBeforeItExpires() {
        assertThat(token.accessToken()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(token.accessToken()).isEqualTo("token-1");
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofSeconds(1));

        assertThat(token.accessToken()).isEqualTo("token-2");
        assertThat(token.accessToken()).isEqualTo("token-2");
        assertThat(requests).hasValue(2);
    }

    @Test
    void asksAgainOnceInvalidated() {
        token.accessToken();

        token.invalidate();

        assertThat(token.accessToken()).isEqualTo("token-2");
    }

    @Test
    void aRefusalSaysWhyWithoutTheSecret() {
        answerStatus.set(401);
        answer.set("{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or secret " + SECRET + "\"}");

        assertThatThrownBy(token::accessToken)
                .isInstanceOf(ServiceToken.ServiceTokenException.class)
                .hasMessageContaining("HTTP 401 unauthorized_client")
                .hasMessageContaining("bilan-services")
                .hasMessageNotContaining("s3cr");
        assertThat(token.toString()).contains("bilan-services").doesNotContain("s3cr");
    }

    @Test
    void callCredentialsCarryTheBearerTokenOrFailTheCallAsUnavailable() {
        assertThat(apply(token.callCredentials()).get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("Bearer token-1");

        endpoint.stop(0);
        token.invalidate();

        assertThatThrownBy(() -> apply(token.callCredentials()))
                .isInstanceOfSatisfying(StatusFailure.class, e -> {
                    assertThat(e.status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.status.getDescription()).contains("unreachable").doesNotContain("s3cr");
                });
    }

    @Test
    void getsAPlatformServiceTokenFromTheTestIdentityProvider() {
        var real = new ServiceToken(URI.create(TestIdentityProvider.tokenEndpoint()), "bilan-services", "any-secret",
                Clock.systemUTC());

        var claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(real.accessToken().split("\\.")[1]));

        assertThat(claims.get("sub").asString()).isEqualTo(TestIdentityProvider.SERVICE_ACCOUNT);
        assertThat(claims.get("iss").asString()).isEqualTo(TestIdentityProvider.issuer());
        assertThat(claims.get("aud").toString()).contains(TestIdentityProvider.AUDIENCE);
        assertThat(claims.get("realm_access").get("roles").toString()).contains(TestIdentityProvider.SERVICE_ROLE);
    }

    private static Metadata apply(CallCredentials credentials) {
        AtomicReference<Metadata> applied = new AtomicReference<>();
        AtomicReference<Status> failed = new AtomicReference<>();
        credentials.applyRequestMetadata(null, Runnable::run, new CallCredentials.MetadataApplier() {
            @Override
            public void apply(Metadata headers) {
                applied.set(headers);
            }

            @Override
            public void fail(Status status) {
                failed.set(status);
            }
        });
        if (failed.get() != null) {
            throw new StatusFailure(failed.get());
        }
        return applied.get();
    }

    private static final class StatusFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final transient Status status;

        StatusFailure(Status status) {
            this.status = status;
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
