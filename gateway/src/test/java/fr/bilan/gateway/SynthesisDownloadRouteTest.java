package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.synthesis.v1.DownloadSharedSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSharedSynthesisDocumentResponse;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentResponse;
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The synthèse downloads, through the running gateway to a stand-in synthesis-service that streams
 * a PDF in chunks: the file arrives whole and byte for byte, as a download, each chunk as it comes;
 * a refusal before the first chunk is an ordinary problem; a failure after it cuts the connection,
 * so that a truncated file never looks complete. The shared download needs no token, the owner's
 * does, and roles the contract does not name are refused before any call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SynthesisDownloadRouteTest {

    private static final String SHARE_TOKEN = "Zr8Kq2Lm5Np7Tx1Vb4Cd9Fg3Hj6Wy0Qs_-AeUoIk";
    private static final String PDF_TYPE = "application/pdf";
    private static final int CHUNK = 16 * 1024;
    private static final byte[] PDF = pdf(5 * CHUNK + 123);
    private static final List<StandInBackend.ReceivedCall> RECEIVED = new CopyOnWriteArrayList<>();
    /** Released by a test once it has read the first chunk of the "held" bilan's download. */
    private static final CountDownLatch FIRST_CHUNK_READ = new CountDownLatch(1);
    private static final Server SYNTHESES = StandInBackend.start(new Syntheses(), RECEIVED);

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Knows the bilans named below: "complete" streams the PDF in chunks, "held" waits after the
     * first chunk until the test read it (and fails if it never is), "broken" fails after two
     * chunks, any other is NOT_FOUND.
     * Shares: only {@link #SHARE_TOKEN}.
     */
    private static final class Syntheses extends SynthesisServiceGrpc.SynthesisServiceImplBase {

        @Override
        public void downloadSynthesisDocument(DownloadSynthesisDocumentRequest request,
                StreamObserver<DownloadSynthesisDocumentResponse> response) {
            String bilan = request.getAssessmentId();
            if (!List.of("complete", "held", "broken").contains(bilan)) {
                response.onError(Status.NOT_FOUND.withDescription("Aucune synthèse finale pour ce bilan.")
                        .asRuntimeException());
                return;
            }
            for (int offset = 0, index = 0; offset < PDF.length; offset += CHUNK, index++) {
                if (bilan.equals("broken") && index == 2) {
                    response.onError(Status.DATA_LOSS.withDescription("Chunk 3 unreadable").asRuntimeException());
                    return;
                }
                response.onNext(DownloadSynthesisDocumentResponse.newBuilder().setBody(chunk(offset, index)).build());
                if (bilan.equals("held") && index == 0 && !firstChunkRead()) {
                    // the gateway held the first chunk back: the download fails
                    response.onError(Status.ABORTED.withDescription("First chunk never read").asRuntimeException());
                    return;
                }
            }
            response.onCompleted();
        }

        @Override
        public void downloadSharedSynthesisDocument(DownloadSharedSynthesisDocumentRequest request,
                StreamObserver<DownloadSharedSynthesisDocumentResponse> response) {
            if (!request.getToken().equals(SHARE_TOKEN)) {
                response.onError(Status.NOT_FOUND.withDescription("Ce lien de partage n'est pas ou plus valable.")
                        .asRuntimeException());
                return;
            }
            for (int offset = 0, index = 0; offset < PDF.length; offset += CHUNK, index++) {
                response.onNext(DownloadSharedSynthesisDocumentResponse.newBuilder().setBody(chunk(offset, index))
                        .build());
            }
            response.onCompleted();
        }

        private static HttpBody chunk(int offset, int index) {
            HttpBody.Builder chunk = HttpBody.newBuilder()
                    .setData(ByteString.copyFrom(PDF, offset, Math.min(CHUNK, PDF.length - offset)));
            // the first chunk carries the content type
            return (index == 0 ? chunk.setContentType(PDF_TYPE) : chunk).build();
        }

        private static boolean firstChunkRead() {
            try {
                return FIRST_CHUNK_READ.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @AfterAll
    static void stop() {
        SYNTHESES.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "synthesis", SYNTHESES);
    }

    @Test
    void aBeneficiaryDownloadsTheirSynthesisWholeAsAnAttachment() throws Exception {
        String token = TestIdentityProvider.token("beneficiary-1", "beneficiary");

        HttpResponse<byte[]> response = http.send(get("/api/v1/assessments/complete/synthesis/document")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PDF);
        assertThat(response.headers().firstValue("Content-Type")).contains(PDF_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"document-de-synthese.pdf\"");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        // streamed, so no length known in advance
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(RECEIVED.get(RECEIVED.size() - 1).authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void eachChunkReachesTheClientAsItComes() throws Exception {
        String token = TestIdentityProvider.token("consultant-1", "consultant");

        HttpResponse<InputStream> response = http.send(get("/api/v1/assessments/held/synthesis/document")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            // the service sends nothing more until this first chunk was read here
            byte[] first = body.readNBytes(CHUNK);
            FIRST_CHUNK_READ.countDown();
            byte[] rest = body.readAllBytes();

            assertThat(response.statusCode()).isEqualTo(200);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(first);
            whole.write(rest);
            assertThat(whole.toByteArray()).isEqualTo(PDF);
        }
    }

    @Test
    void aRefusalBeforeTheFirstChunkIsAnOrdinaryProblem() throws Exception {
        HttpResponse<String> response = http.send(get("/api/v1/assessments/unknown/synthesis/document")
                .header("Authorization", "Bearer " + TestIdentityProvider.token("beneficiary-1", "beneficiary")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(response.body()).contains("Aucune synthèse finale pour ce bilan.");
    }

    @Test
    void aFailureAfterTheFirstChunkCutsTheDownloadRatherThanEndingItShort() throws Exception {
        HttpRequest request = get("/api/v1/assessments/broken/synthesis/document")
                .header("Authorization", "Bearer " + TestIdentityProvider.token("beneficiary-1", "beneficiary")).build();

        // the client never receives the end of the chunked body: the download fails
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(IOException.class);

        // read as a stream: the 200 came, then the bytes stop short with an error, never a clean end
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream body = response.body()) {
                body.transferTo(received);
            }
        }).isInstanceOf(IOException.class);
        assertThat(received.size()).isLessThan(PDF.length);
    }

    @Test
    void aSharedSynthesisIsDownloadedWithoutATokenAndTheSecretStaysOutOfMetrics() throws Exception {
        HttpResponse<byte[]> response = http.send(get("/api/v1/synthesisShares/" + SHARE_TOKEN + "/document").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PDF);
        assertThat(response.headers().firstValue("Content-Type")).contains(PDF_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"document-de-synthese-partage.pdf\"");
        StandInBackend.ReceivedCall call = RECEIVED.get(RECEIVED.size() - 1);
        assertThat(call.method()).isEqualTo("DownloadSharedSynthesisDocument");
        assertThat(call.authorization()).isNull();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("http_server_requests").doesNotContain(SHARE_TOKEN);

        HttpResponse<String> unknown = http.send(get("/api/v1/synthesisShares/expired-or-unknown/document").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void theOwnersDownloadNeedsATokenAndARoleTheContractNames() throws Exception {
        int callsBefore = RECEIVED.size();

        HttpResponse<String> anonymous = http.send(get("/api/v1/assessments/complete/synthesis/document").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (String role : new String[] {"centre-manager", "network-admin", "auditor", "platform-service"}) {
            HttpResponse<String> refused = http.send(get("/api/v1/assessments/complete/synthesis/document")
                    .header("Authorization", "Bearer " + TestIdentityProvider.token("someone", List.of("centre-lyon"),
                            role)).build(), HttpResponse.BodyHandlers.ofString());
            // a platform service's own token is no token of the public API: refused before any role
            assertThat(refused.statusCode()).as(role).isEqualTo(role.equals("platform-service") ? 401 : 403);
            assertThat(refused.headers().firstValue("Content-Type")).as(role).contains("application/problem+json");
        }

        assertThat(RECEIVED).hasSize(callsBefore);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    /** Bytes that start like a PDF, different at every offset so that a chunk out of place shows. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }
}
