package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.TestIdentityProvider;

/**
 * The actuator answers on the management port only, and its metrics name each API request by its
 * route's template and RPC, never by its path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTest {

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayWithoutBackend.register(registry);
    }

    @Test
    void theApiPortServesNoActuatorAndTheManagementPortServesItsProbesAndMetrics() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info")) {
            HttpResponse<String> onTheApi = send(port, path, null);
            assertThat(onTheApi.statusCode()).as(path).isEqualTo(404);
            assertThat(onTheApi.body()).as(path).doesNotContain("jvm_", "\"status\":\"UP\"");
        }

        assertThat(send(managementPort, "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
        assertThat(send(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(send(managementPort, "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        // the API is not on the management port
        assertThat(send(managementPort, "/api/v1/beneficiaries/x", token()).statusCode()).isNotIn(200, 503);
    }

    @Test
    void requestsAreTaggedByRouteTemplateAndRpcAndUnmatchedPathsByOneFixedValue() throws Exception {
        assertThat(send(port, "/api/v1/beneficiaries/b-1234", token()).statusCode()).isEqualTo(503);
        assertThat(send(port, "/api/v1/beneficiaries/b-5678", null).statusCode()).isEqualTo(401);
        assertThat(send(port, "/api/v1/centres/centre-lyon/beneficiaries", token()).statusCode()).isEqualTo(503);
        assertThat(send(port, "/api/v1/no-such-thing/n-4321", token()).statusCode()).isEqualTo(404);

        String metrics = send(managementPort, "/actuator/prometheus", null).body();
        List<String> requests = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .toList();

        String get = "rpc=\"bilan.beneficiary.v1.BeneficiaryService/GetBeneficiary\"";
        assertThat(requests).anySatisfy(line -> assertThat(line)
                .contains("uri=\"/api/v1/beneficiaries/{id}\"", get, "status=\"503\"", "method=\"GET\""));
        // refused before any backend is called (authentication), still on its route
        assertThat(requests).anySatisfy(line -> assertThat(line)
                .contains("uri=\"/api/v1/beneficiaries/{id}\"", get, "status=\"401\""));
        // an additional binding of an RPC is a route of its own
        assertThat(requests).anySatisfy(line -> assertThat(line).contains(
                "uri=\"/api/v1/centres/{centre_id}/beneficiaries\"",
                "rpc=\"bilan.beneficiary.v1.BeneficiaryService/ListBeneficiaries\""));
        assertThat(requests).anySatisfy(line -> assertThat(line)
                .contains("uri=\"UNMATCHED\"", "rpc=\"none\"", "status=\"404\""));
        // no path, identifier or UNKNOWN in any tag
        assertThat(metrics).doesNotContain("uri=\"UNKNOWN\"", "b-1234", "b-5678", "centre-lyon", "no-such-thing",
                "n-4321");
    }

    private static String token() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    private HttpResponse<String> send(int to, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).GET()
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
