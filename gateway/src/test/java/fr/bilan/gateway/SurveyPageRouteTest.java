package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SubmitSurveyPageResponse;
import fr.bilan.proto.quality.v1.SurveyServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The survey's page through the running gateway to a stand-in quality-service: read and posted
 * without a token, the form reaching the service as the browser sent it (bytes and content type),
 * every failure of the page a French HTML page with the status it stands for (the pages' budget per
 * address: {@link SurveyPageRateLimitTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bilan.gateway.max-body-size=2KB")
class SurveyPageRouteTest {

    private static final String TOKEN = "k7Qm3xVbN9pLr2sT8wYz4aCd6eFg1hJj5uWi0oPq_-A";
    private static final String PAGE = "<!DOCTYPE html><html lang=\"fr\"><title>Questionnaire</title></html>";
    private static final String GONE = "Ce lien n'est plus valide.";
    private static final List<SubmitSurveyPageRequest> POSTED = new CopyOnWriteArrayList<>();
    private static final List<StandInBackend.ReceivedCall> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Server QUALITY = StandInBackend.start(new Pages(), RECEIVED);

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Knows one link, as quality-service would: any other token is the same NOT_FOUND. */
    private static final class Pages extends SurveyServiceGrpc.SurveyServiceImplBase {
        @Override
        public void getSurveyPage(GetSurveyPageRequest request, StreamObserver<GetSurveyPageResponse> response) {
            if (!request.getToken().equals(TOKEN)) {
                response.onError(Status.NOT_FOUND.withDescription(GONE).asRuntimeException());
                return;
            }
            response.onNext(GetSurveyPageResponse.newBuilder().setPage(html(PAGE)).build());
            response.onCompleted();
        }

        @Override
        public void submitSurveyPage(SubmitSurveyPageRequest request, StreamObserver<SubmitSurveyPageResponse> response) {
            POSTED.add(request);
            if (request.getForm().getData().toStringUtf8().contains("action=fail")) {
                response.onError(Status.INTERNAL.withDescription("stack trace with secrets").asRuntimeException());
                return;
            }
            response.onNext(SubmitSurveyPageResponse.newBuilder().setPage(html("<p>Merci</p>")).build());
            response.onCompleted();
        }

        private static HttpBody html(String page) {
            return HttpBody.newBuilder().setContentType("text/html; charset=utf-8")
                    .setData(ByteString.copyFrom(page, StandardCharsets.UTF_8)).build();
        }
    }

    @AfterAll
    static void stop() {
        QUALITY.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "quality", QUALITY);
    }

    @BeforeEach
    void clear() {
        POSTED.clear();
    }

    @Test
    void servesThePageWithoutATokenAsTheServiceWroteIt() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(page(TOKEN)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(response.body()).isEqualTo(PAGE);
        // the page's own inline style, no script, its form posted to itself
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(RECEIVED).isNotEmpty().allSatisfy(call -> assertThat(call.authorization()).isNull());
    }

    @Test
    void theFormReachesTheServiceAsTheBrowserPostedIt() throws Exception {
        String form = "q1=4&comment=Tr%C3%A8s+bien+%26+utile&action=save";

        // posted from the page, whose origin the browser may give as null
        HttpResponse<String> response = send(HttpRequest.newBuilder(page(TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "null")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<p>Merci</p>");
        assertThat(POSTED).singleElement().satisfies(posted -> {
            assertThat(posted.getToken()).isEqualTo(TOKEN);
            assertThat(posted.getForm().getContentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(posted.getForm().getData().toStringUtf8()).isEqualTo(form);
        });
    }

    @Test
    void anUnknownLinkIsAFrenchHtmlPageWithTheServicesWords() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(page("unknown")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("style-src 'unsafe-inline'"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">")
                .contains("<title>Page introuvable – Bilan de compétences</title>")
                .contains("<h1>Page introuvable</h1>").contains("Ce lien n&#39;est plus valide.")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void aServerFaultIsAnHtmlPageThatHidesItsDetail() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(page(TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=fail")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>Erreur interne</h1>").doesNotContain("stack trace");
    }

    @Test
    void aFormTooLargeIsA413HtmlPageAndTwoContentTypesA415() throws Exception {
        HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(page(TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("comment=" + "a".repeat(3000))));
        HttpResponse<String> twoTypes = send(HttpRequest.newBuilder(page(TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("action=save")));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("<h1>Requête trop volumineuse</h1>");
        assertThat(twoTypes.statusCode()).isEqualTo(415);
        assertThat(twoTypes.body()).contains("<html lang=\"fr\">");
        assertThat(POSTED).isEmpty();
    }

    @Test
    void otherRoutesKeepTheirProblemJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/calendarFeeds/unknown")).GET());

        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private URI page(String token) {
        return uri("/api/v1/surveyPages/" + token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
