package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentResponse;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The agreement's PDF, through the running gateway to a stand-in beneficiary-service that answers
 * it whole (a {@code google.api.HttpBody}, not in chunks): a download saved under the name its
 * contract gives, which the web front-end, on another origin, may read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bilan.gateway.cors.allowed-origins=https://consultants.example.fr")
class AgreementDocumentRouteTest {

    private static final String ORIGIN = "https://consultants.example.fr";
    private static final byte[] PDF = "%PDF-1.7\n% convention\n".getBytes(StandardCharsets.US_ASCII);
    private static final Server BENEFICIARIES = StandInBackend.start(new Agreements());

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Knows agreement "agr-1"; any other is NOT_FOUND. */
    private static final class Agreements extends AgreementServiceGrpc.AgreementServiceImplBase {
        @Override
        public void getAgreementDocument(GetAgreementDocumentRequest request,
                StreamObserver<GetAgreementDocumentResponse> response) {
            if (!request.getId().equals("agr-1")) {
                response.onError(Status.NOT_FOUND.withDescription("Aucune convention n'a l'identifiant « "
                        + request.getId() + " ».").asRuntimeException());
                return;
            }
            response.onNext(GetAgreementDocumentResponse.newBuilder().setBody(HttpBody.newBuilder()
                    .setContentType("application/pdf").setData(ByteString.copyFrom(PDF))).build());
            response.onCompleted();
        }
    }

    @AfterAll
    static void stop() {
        BENEFICIARIES.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "beneficiary", BENEFICIARIES);
    }

    @Test
    void theAgreementIsADownloadSavedUnderItsFrenchName() throws Exception {
        HttpResponse<byte[]> response = http.send(get("/api/v1/agreements/agr-1/document", "beneficiary").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PDF);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"convention-tripartite.pdf\"");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> unknown = http.send(get("/api/v1/agreements/agr-2/document", "consultant").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void theFrontEndMayReadTheFileNameAndTheEtagOfAnAnswer() throws Exception {
        HttpResponse<byte[]> fromFrontEnd = http.send(get("/api/v1/agreements/agr-1/document", "consultant")
                .header("Origin", ORIGIN).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> fromElsewhere = http.send(get("/api/v1/agreements/agr-1/document", "consultant")
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(fromFrontEnd.statusCode()).isEqualTo(200);
        assertThat(fromFrontEnd.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(exposed(fromFrontEnd)).contains("content-disposition", "etag", "x-request-id", "retry-after");
        assertThat(fromFrontEnd.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"convention-tripartite.pdf\"");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
    }

    /** The headers a browser lets the page's script read, lower case. */
    private static List<String> exposed(HttpResponse<?> response) {
        return response.headers().allValues("Access-Control-Expose-Headers").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    private HttpRequest.Builder get(String path, String role) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestIdentityProvider.token(role + "-1", role)).GET();
    }
}
