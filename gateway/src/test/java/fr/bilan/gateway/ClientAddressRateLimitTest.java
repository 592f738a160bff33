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

import fr.bilan.support.testing.TestIdentityProvider;

/** The per-address budget counts every request, before any token is looked at. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.per-client-ip=6",
        "bilan.gateway.rate-limit.per-user=100",
        "bilan.gateway.rate-limit.period=1m"})
class ClientAddressRateLimitTest {

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayWithoutBackend.register(registry);
    }

    @Test
    void requestsWithoutATokenOrWithABadOneSpendTheAddresssBudgetToo() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(send(request()).statusCode());
            statuses.add(send(request().header("Authorization", "Bearer forged." + i)).statusCode());
        }
        HttpResponse<String> limited = send(request());
        HttpResponse<String> limitedWithAToken = send(request()
                .header("Authorization", "Bearer " + TestIdentityProvider.token("someone", "consultant")));

        assertThat(statuses).containsOnly(401);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("60");
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(limited.body()).contains("urn:bilan:problem:resource-exhausted");
        assertThat(limitedWithAToken.statusCode()).isEqualTo(429);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/beneficiaries/x")).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
