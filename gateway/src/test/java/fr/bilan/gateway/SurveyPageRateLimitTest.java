package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.SurveyServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * Guessing survey links from one address soon gets a 429 page, whether the links tried exist or not,
 * while the address's overall budget (here far larger) still serves its other routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.pages.per-client-ip=4", "bilan.gateway.rate-limit.pages.period=1h",
        "bilan.gateway.rate-limit.per-client-ip=1000"})
class SurveyPageRateLimitTest {

    private static final Server QUALITY = StandInBackend.start(new SurveyServiceGrpc.SurveyServiceImplBase() {
        @Override
        public void getSurveyPage(GetSurveyPageRequest request, StreamObserver<GetSurveyPageResponse> response) {
            response.onError(Status.NOT_FOUND.withDescription("Ce lien n'est plus valide.").asRuntimeException());
        }
    });

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        QUALITY.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "quality", QUALITY);
    }

    @Test
    void guessingLinksGetsA429PageAfterTheBudgetAndCalendarFeedsKeepTheOverallOne() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send("/api/v1/surveyPages/guess" + i).statusCode());
        }
        HttpResponse<String> limited = send("/api/v1/surveyPages/guess5");
        HttpResponse<String> feed = send("/api/v1/calendarFeeds/unknown");

        assertThat(statuses).containsOnly(404);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3600");
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(limited.body()).contains("<html lang=\"fr\">").contains("<h1>Trop de requêtes</h1>");
        // no session-service here: the feed's route is tried (503), not stopped by the pages' budget
        assertThat(feed.statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
