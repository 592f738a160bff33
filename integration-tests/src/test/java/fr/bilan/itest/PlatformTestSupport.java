package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the suite's classes: the real servers and the platform on them, and the requests a
 * front-end sends through the gateway. Skipped (not failed) where there is no Docker.
 * <p>
 * The servers and the platform start once for the whole run, for the first class that needs them,
 * rather than once per class (Keycloak and five JVMs take minutes), and stop when the run ends.
 */
@Testcontainers(disabledWithoutDocker = true)
abstract class PlatformTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CENTRE = "centre-lyon";
    static final MongoDBContainer MONGO = RealServers.mongo();
    static final GenericContainer<?> S3 = RealServers.s3();
    static final GenericContainer<?> KEYCLOAK = RealServers.keycloak();
    /** How long a poll waits for what the services do in the background (outboxes, purges). */
    private static final Duration POLL_DEADLINE = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Platform platform;

    /** In the run's root store, which JUnit closes once every class has run. */
    @RegisterExtension
    static final BeforeAllCallback SHARED_PLATFORM = context -> platform = context.getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(Running.class, key -> Running.start(),
                    Running.class).platform();

    /** The platform on the servers: closed first, then the servers stopped. */
    private record Running(Platform platform) implements AutoCloseable {

        static Running start() {
            Startables.deepStart(MONGO, S3, KEYCLOAK).join();
            try {
                return new Running(new Platform().start(MONGO, S3, KEYCLOAK));
            } catch (Exception e) {
                stopServers();
                throw new IllegalStateException("The platform did not start on the real servers", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            platform.close();
            stopServers();
        }

        private static void stopServers() {
            Stream.of(KEYCLOAK, S3, MONGO).forEach(GenericContainer::stop);
        }
    }

    static JsonNode createBeneficiary(String token) throws Exception {
        return createBeneficiary(token, "");
    }

    /** A beneficiary of the centre, linked to the login {@code accountId} (none when empty). */
    static JsonNode createBeneficiary(String token, String accountId) throws Exception {
        return ok(send(token, "POST", "/api/v1/beneficiaries", """
                {"centreId":"%s","givenName":"Élodie","familyName":"Durand","email":"%s@example.fr",\
                "employmentStatus":"PRIVATE_SECTOR_EMPLOYEE","accountId":"%s"}"""
                .formatted(CENTRE, UUID.randomUUID(), accountId)));
    }

    /** The JSON answered, once checked that the call succeeded. */
    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        return send(token, method, path, json, HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(String token, String method, String path, String json,
            HttpResponse.BodyHandler<T> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), body);
    }

    /**
     * A purge started now by a network administrator, followed to its end: the run as it ended
     * (still {@code RUNNING} if it did not end before the poll's deadline).
     */
    static JsonNode purge() throws Exception {
        String netadmin = RealServers.token(KEYCLOAK, "netadmin");
        String run = "/api/v1/purgeRuns/" + ok(send(netadmin, "POST", "/api/v1/purgeRuns", "{}")).get("id").asString();
        return poll(() -> ok(send(netadmin, "GET", run, null)), read -> !"RUNNING".equals(read.path("state").asString()));
    }

    /** SHA-256 of {@code bytes}, in hexadecimal. */
    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** {@code read} again every half second until {@code done} holds, or the deadline passed: the last read. */
    static JsonNode poll(Callable<JsonNode> read, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + POLL_DEADLINE.toNanos();
        JsonNode last = read.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = read.call();
        }
        return last;
    }
}
