package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backend stopped mid-run: callers get 503 problems, fast ones with Retry-After once the circuit
 * breaker opens, and the gateway serves again as soon as the backend is back, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.circuit-breaker.sliding-window-size=4",
        "bilan.gateway.circuit-breaker.minimum-number-of-calls=4",
        "bilan.gateway.circuit-breaker.wait-in-open-state=2s",
        "bilan.gateway.circuit-breaker.calls-in-half-open-state=1",
        "bilan.gateway.backends.beneficiary.deadline=3s"})
class GatewayResilienceTest {

    private static final int GRPC_PORT = GrpcServiceTestSupport.freePort();
    private static final int HTTP_PORT = GrpcServiceTestSupport.freePort();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dataDir;
    private static ServiceProcess beneficiaryService;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestIdentityProvider.token("consultant-1", java.util.List.of("c1"), "consultant");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + GRPC_PORT);
    }

    private static ServiceProcess startBeneficiaryService() throws Exception {
        return ServiceProcess.startOnEmbeddedStores("beneficiary-service", HTTP_PORT,
                "--spring.grpc.server.port=" + GRPC_PORT,
                "--bilan.embedded.data-dir=" + dataDir,
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(),
                "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (beneficiaryService != null) {
            beneficiaryService.close();
        }
    }

    @Test
    void answersFast503WhileABackendIsDownThenRecoversWithoutRestart() throws Exception {
        dataDir = Files.createTempDirectory("beneficiary-data");
        beneficiaryService = startBeneficiaryService();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/beneficiaries"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"centreId\":\"c1\",\"givenName\":\"Léa\",\"familyName\":\"Petit\",\"email\":\"lea@example.fr\",\"employmentStatus\":\"JOB_SEEKER\"}"))
                .header("Content-Type", "application/json"));
        assertThat(created.statusCode()).isEqualTo(200);
        String path = "/api/v1/beneficiaries/" + JSON.readTree(created.body()).get("id").asString();

        beneficiaryService.close();
        beneficiaryService = null;

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> failed = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        long started = System.nanoTime();
        HttpResponse<String> rejected = send(HttpRequest.newBuilder(uri(path)).GET());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.headers().firstValue("Retry-After")).contains("2");
        assertThat(JSON.readTree(rejected.body()).get("type").asString()).isEqualTo("urn:bilan:problem:unavailable");
        assertThat(elapsed).isLessThan(Duration.ofMillis(200));

        beneficiaryService = startBeneficiaryService();
        HttpResponse<String> recovered = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            recovered = send(HttpRequest.newBuilder(uri(path)).GET());
            if (recovered.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(recovered).isNotNull();
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(recovered.body())).isEqualTo(JSON.readTree(created.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
