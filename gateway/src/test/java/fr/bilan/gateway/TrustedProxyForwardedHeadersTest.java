package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * The test's HTTP client (127.0.0.1) is the trusted proxy: the address it appends to
 * {@code X-Forwarded-For} is the client's, with a budget of its own, and the scheme it reports
 * decides HSTS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.per-client-ip=3",
        "bilan.gateway.rate-limit.period=1m",
        "bilan.gateway.trusted-proxies=127.0.0.1/32"})
class TrustedProxyForwardedHeadersTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayWithoutBackend.register(registry);
    }

    @Test
    void eachForwardedClientSpendsItsOwnBudget() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 3; i++) {
                statuses.add(send(request().header("X-Forwarded-For", "198.51.100." + i)).statusCode());
            }
        }
        HttpResponse<String> fourth = send(request().header("X-Forwarded-For", "198.51.100.1"));
        // what the client wrote left of the address the proxy appended does not make it someone else
        HttpResponse<String> disguised = send(request().header("X-Forwarded-For", "192.0.2.77, 198.51.100.2"));
        HttpResponse<String> another = send(request().header("X-Forwarded-For", "198.51.100.4"));

        assertThat(statuses).containsOnly(401);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(disguised.statusCode()).isEqualTo(429);
        assertThat(another.statusCode()).isEqualTo(401);
    }

    @Test
    void httpsReportedByTheProxyGetsHsts() throws Exception {
        HttpResponse<String> https = send(request().header("X-Forwarded-For", "198.51.100.20")
                .header("X-Forwarded-Proto", "https"));
        HttpResponse<String> plain = send(request().header("X-Forwarded-For", "198.51.100.21")
                .header("X-Forwarded-Proto", "http"));

        assertThat(https.statusCode()).isEqualTo(401);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/beneficiaries/x")).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
