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

import fr.bilan.proto.retention.v1.DestructionCertificateServiceGrpc;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesResponse;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesResponse;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;

/**
 * The proof of destruction's two routes, through the running gateway to a stand-in
 * retention-service: the export's query parameters reach the service as the request's times, its
 * chunks come back whole as a JSON Lines download; the verification is ordinary JSON; roles the
 * contract does not name are refused before any call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DestructionCertificateRouteTest {

    private static final int CHUNK = 1024;
    private static final String EXPORT = export();
    private static final List<StandInBackend.ReceivedCall> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<ExportDestructionCertificatesRequest> EXPORTS = new CopyOnWriteArrayList<>();
    private static final Server RETENTION = StandInBackend.start(new Certificates(), RECEIVED);

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Streams {@link #EXPORT} in chunks of {@link #CHUNK} bytes for any export; finds every chain broken at 2. */
    private static final class Certificates
            extends DestructionCertificateServiceGrpc.DestructionCertificateServiceImplBase {

        @Override
        public void exportDestructionCertificates(ExportDestructionCertificatesRequest request,
                StreamObserver<ExportDestructionCertificatesResponse> response) {
            EXPORTS.add(request);
            byte[] bytes = EXPORT.getBytes(StandardCharsets.UTF_8);
            for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                HttpBody.Builder chunk = HttpBody.newBuilder()
                        .setData(ByteString.copyFrom(bytes, offset, Math.min(CHUNK, bytes.length - offset)));
                if (offset == 0) {
                    chunk.setContentType("application/x-ndjson");
                }
                response.onNext(ExportDestructionCertificatesResponse.newBuilder().setBody(chunk).build());
            }
            response.onCompleted();
        }

        @Override
        public void verifyDestructionCertificates(VerifyDestructionCertificatesRequest request,
                StreamObserver<VerifyDestructionCertificatesResponse> response) {
            response.onNext(VerifyDestructionCertificatesResponse.newBuilder().setIntact(false).setCount(1)
                    .setHeadHash("a".repeat(64)).setBrokenSequence(2).setBreakReason("ALTERED")
                    .setMessage("Chaîne rompue au certificat n° 2 : le certificat a été modifié : son empreinte ne "
                            + "correspond plus à son contenu.").build());
            response.onCompleted();
        }
    }

    @AfterAll
    static void stop() {
        RETENTION.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "retention", RETENTION);
    }

    @Test
    void anAuditorDownloadsACentresExportAsJsonLines() throws Exception {
        String token = TestIdentityProvider.token("auditor-1", List.of("centre-lyon"), "auditor");

        HttpResponse<String> response = http.send(get("/api/v1/centres/centre-lyon/destructionCertificates:export"
                + "?startTime=2027-02-01T00:00:00Z&endTime=2027-03-01T00:00:00Z").header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(EXPORT);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"certificats-de-destruction.jsonl\"");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        ExportDestructionCertificatesRequest asked = EXPORTS.get(EXPORTS.size() - 1);
        assertThat(asked.getCentreId()).isEqualTo("centre-lyon");
        assertThat(asked.getStartTime().getSeconds()).isEqualTo(1_801_440_000L);
        assertThat(asked.getEndTime().getSeconds()).isEqualTo(1_803_859_200L);
        assertThat(RECEIVED.get(RECEIVED.size() - 1).authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void anExportWithoutEndTimeLeavesItToTheService() throws Exception {
        String token = TestIdentityProvider.token("admin-1", "network-admin");

        HttpResponse<String> response = http.send(get("/api/v1/centres/centre-lyon/destructionCertificates:export"
                + "?startTime=2027-02-01T00:00:00Z").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EXPORTS.get(EXPORTS.size() - 1).hasEndTime()).isFalse();
    }

    @Test
    void theVerificationAnswersJson() throws Exception {
        HttpResponse<String> response = http.send(get("/api/v1/centres/centre-lyon/destructionCertificates:verify")
                .header("Authorization", "Bearer " + TestIdentityProvider.token("manager-1", List.of("centre-lyon"),
                        "centre-manager")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"intact\":false", "\"count\":\"1\"", "\"brokenSequence\":\"2\"",
                "\"breakReason\":\"ALTERED\"", "\"message\":\"Chaîne rompue au certificat n° 2 : le certificat a été "
                        + "modifié");
    }

    @Test
    void rolesTheContractDoesNotNameNeverReachTheService() throws Exception {
        int callsBefore = RECEIVED.size();

        for (String path : new String[] {"/api/v1/centres/centre-lyon/destructionCertificates:export?startTime="
                + "2027-02-01T00:00:00Z", "/api/v1/centres/centre-lyon/destructionCertificates:verify"}) {
            assertThat(http.send(get(path).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            for (String role : new String[] {"consultant", "beneficiary", "platform-service"}) {
                HttpResponse<String> refused = http.send(get(path).header("Authorization", "Bearer "
                        + TestIdentityProvider.token("someone", List.of("centre-lyon"), role)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // a platform service's own token is no token of the public API: refused before any role
                assertThat(refused.statusCode()).as(role + " " + path).isEqualTo(role.equals("platform-service") ? 401 : 403);
                assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            }
        }

        assertThat(RECEIVED).hasSize(callsBefore);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    /** An export's shape over several chunks; the service's content, not the gateway's concern. */
    private static String export() {
        StringBuilder export = new StringBuilder("{\"record\":\"header\",\"format\":\"destruction-certificates/1\"}\n");
        for (int i = 1; i <= 40; i++) {
            export.append("{\"record\":\"certificate\",\"sequence\":").append(i).append(",\"kind\":\"SYNTHESIS_DOCUMENT\""
                    + ",\"ruleId\":\"R6313-7-end-of-action\",\"note\":\"détruit\"}\n");
        }
        return export.append("{\"record\":\"footer\",\"count\":40}\n").toString();
    }
}
