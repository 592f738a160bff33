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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.quality.v1.ExportResultsRequest;
import fr.bilan.proto.quality.v1.ExportResultsResponse;
import fr.bilan.proto.quality.v1.GetPublishedResultsPageRequest;
import fr.bilan.proto.quality.v1.GetPublishedResultsPageResponse;
import fr.bilan.proto.quality.v1.ResultsServiceGrpc;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;

/**
 * The results' files through the running gateway to a stand-in quality-service: the CSV is a download
 * saved as {@code resultats.csv}, its bytes (and byte order mark) untouched; the published page is shown
 * in place to anyone, without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultsRouteTest {

    private static final byte[] CSV = "\uFEFFCentre;Indicateur;Valeur\r\nCentre de Lyon;Taux d'achèvement;85\r\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final String PAGE = "<!DOCTYPE html><html lang=\"fr\"><title>Résultats</title></html>";
    private static final List<StandInBackend.ReceivedCall> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<Object> ASKED = new CopyOnWriteArrayList<>();
    private static final Server QUALITY = StandInBackend.start(new Results(), RECEIVED);

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static final class Results extends ResultsServiceGrpc.ResultsServiceImplBase {

        @Override
        public void exportResults(ExportResultsRequest request, StreamObserver<ExportResultsResponse> response) {
            ASKED.add(request);
            response.onNext(ExportResultsResponse.newBuilder().setCsv(HttpBody.newBuilder()
                    .setContentType("text/csv; charset=utf-8").setData(ByteString.copyFrom(CSV))).build());
            response.onCompleted();
        }

        @Override
        public void getPublishedResultsPage(GetPublishedResultsPageRequest request,
                StreamObserver<GetPublishedResultsPageResponse> response) {
            ASKED.add(request);
            response.onNext(GetPublishedResultsPageResponse.newBuilder().setPage(HttpBody.newBuilder()
                    .setContentType("text/html; charset=utf-8").setData(ByteString.copyFromUtf8(PAGE))).build());
            response.onCompleted();
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

    @Test
    void theCsvIsSavedAsResultatsCsv() throws Exception {
        String token = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");

        HttpResponse<byte[]> response = http.send(get("/api/v1/results:export?centreId=centre-lyon"
                + "&startTime=2026-01-01T00:00:00Z&endTime=2027-01-01T00:00:00Z").header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(CSV);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv;charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"resultats.csv\"");
        ExportResultsRequest asked = (ExportResultsRequest) ASKED.get(ASKED.size() - 1);
        assertThat(asked.getCentreId()).isEqualTo("centre-lyon");
        assertThat(asked.getStartTime().getSeconds()).isEqualTo(1_767_225_600L);
    }

    @Test
    void thePublishedPageIsShownToAnyone() throws Exception {
        HttpResponse<String> response = http.send(get("/api/v1/publishedResults/q1w2e3r4t5y6u7i8o9p0aB").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PAGE);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(((GetPublishedResultsPageRequest) ASKED.get(ASKED.size() - 1)).getPublicationId())
                .isEqualTo("q1w2e3r4t5y6u7i8o9p0aB");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET();
    }
}
