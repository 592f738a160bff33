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
 * Proxies are trusted, but the test's HTTP client (127.0.0.1) is none of them: a client that writes
 * forwarded headers itself changes neither its address (its budget) nor its scheme (HSTS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.per-client-ip=3",
        "bilan.gateway.rate-limit.period=1m",
        "bilan.gateway.trusted-proxies=10.0.0.0/8,fd00::/8"})
class SpoofedForwardedHeadersTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayWithoutBackend.register(registry);
    }

    @Test
    void rotatingSpoofedAddressesStillSpendOneBudgetAndClaimingHttpsGetsNoHsts() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            responses.add(send(request()
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .header("X-Forwarded-Proto", "https")
                    .header("Forwarded", "for=198.51.100." + i + ";proto=https")));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(401, 401, 401, 429, 429, 429);
        // the security headers were written, HSTS not among them: the connection was plain HTTP
        assertThat(responses.get(0).headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(responses.get(0).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/beneficiaries/x")).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
