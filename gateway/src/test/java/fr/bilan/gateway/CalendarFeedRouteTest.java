package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.gateway.transcoding.HttpBinding;
import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.proto.session.v1.CalendarFeedServiceGrpc;
import fr.bilan.proto.session.v1.GetCalendarFeedRequest;
import fr.bilan.proto.session.v1.GetCalendarFeedResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The API's one public route, through the running gateway to a stand-in session-service: a
 * calendar feed read without a token comes back as text/calendar, as the service wrote it, while
 * every other route still refuses a call without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarFeedRouteTest {

    private static final String TOKEN = "k7Qm3xVbN9pLr2sT8wYz4aCd6eFg1hJj5uWi0oPq_-A";
    private static final String FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bilan de compétences//FR\r\n"
            + "END:VCALENDAR\r\n";
    private static final List<StandInBackend.ReceivedCall> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Server SESSIONS = StandInBackend.start(new Feeds(), RECEIVED);

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private HttpBindings bindings;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Knows one feed, as session-service would: any other token is NOT_FOUND. */
    private static final class Feeds extends CalendarFeedServiceGrpc.CalendarFeedServiceImplBase {
        @Override
        public void getCalendarFeed(GetCalendarFeedRequest request, StreamObserver<GetCalendarFeedResponse> response) {
            if (!request.getToken().equals(TOKEN)) {
                response.onError(Status.NOT_FOUND.withDescription("Aucun agenda ne correspond à ce lien.")
                        .asRuntimeException());
                return;
            }
            response.onNext(GetCalendarFeedResponse.newBuilder().setBody(HttpBody.newBuilder()
                    .setContentType("text/calendar; charset=utf-8")
                    .setData(ByteString.copyFrom(FEED, StandardCharsets.UTF_8))).build());
            response.onCompleted();
        }
    }

    @AfterAll
    static void stop() {
        SESSIONS.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "session", SESSIONS);
    }

    @Test
    void servesAFeedWithoutATokenAsTheCalendarTheServiceWrote() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/calendarFeeds/" + TOKEN)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        // read in place by calendar applications: its contract names no file to save
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(response.body()).isEqualTo(FEED);
        assertThat(RECEIVED).isNotEmpty().allSatisfy(call -> assertThat(call.authorization()).isNull());
        // the secret stays out of what is kept about requests
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .GET()).body())
                .contains("http_server_requests").doesNotContain(TOKEN);
    }

    @Test
    void anUnknownFeedIsAnOrdinaryNotFoundProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/calendarFeeds/unknown")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void everyOtherRouteStillRefusesACallWithoutAToken() throws Exception {
        List<String> publicRpcs = new ArrayList<>();
        List<String> openWithoutToken = new ArrayList<>();
        for (HttpBinding binding : bindings.all()) {
            if (binding.publicWithSecretPath()) {
                publicRpcs.add(binding.method().getFullName());
                continue;
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(binding.path().example()))
                    .method(binding.httpMethod().name(), HttpRequest.BodyPublishers.noBody()));
            if (response.statusCode() != 401) {
                openWithoutToken.add(binding.httpMethod() + " " + binding.path() + " -> " + response.statusCode());
            }
        }
        HttpResponse<String> otherMethod = send(HttpRequest.newBuilder(uri("/api/v1/calendarFeeds/" + TOKEN))
                .DELETE());

        assertThat(publicRpcs).containsExactlyInAnyOrder("bilan.session.v1.CalendarFeedService.GetCalendarFeed",
                "bilan.synthesis.v1.SynthesisService.DownloadSharedSynthesisDocument",
                "bilan.quality.v1.SurveyService.GetSurveyPage", "bilan.quality.v1.SurveyService.SubmitSurveyPage",
                "bilan.quality.v1.ResultsService.GetPublishedResultsPage");
        assertThat(openWithoutToken).isEmpty();
        assertThat(otherMethod.statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
