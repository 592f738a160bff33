package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.support.testing.ChartQueries;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in this JVM, beneficiary-service as its own process from its executable jar, tokens
 * from an in-process OpenID provider: one real request path, HTTP to gRPC to MongoDB and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEndToEndTest extends WithBeneficiaryService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ELODIE = """
            {"centreId":"centre-lyon","givenName":"Élodie","familyName":"Durand","email":"%s",\
            "employmentStatus":"PRIVATE_SECTOR_EMPLOYEE"}""";

    @LocalServerPort
    private int port;

    @Autowired
    private PrometheusMeterRegistry prometheus;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    /** Élodie with an address of her own, as each beneficiary of a centre has. */
    private static String elodie() {
        return ELODIE.formatted(UUID.randomUUID() + "@example.fr");
    }

    @Test
    void createsThenReadsTheSameBeneficiary() throws Exception {
        HttpResponse<String> created = send(post("/api/v1/beneficiaries", elodie()).header("Authorization", "Bearer " + consultant()));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asString();
        assertThat(id).isNotBlank();
        assertThat(body.get("givenName").asString()).isEqualTo("Élodie");
        assertThat(body.get("createTime").asString()).endsWith("Z");

        HttpResponse<String> read = send(get("/api/v1/beneficiaries/" + id).header("Authorization", "Bearer " + consultant()));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(body);
    }

    @Test
    void theChartsDashboardReadsTheRequestsAndCallsTheGatewayMade() throws Exception {
        send(post("/api/v1/beneficiaries", elodie()).header("Authorization", "Bearer " + consultant()));

        ChartQueries.assertExported(prometheus, "http_server_requests", "grpc_client_");
    }

    @Test
    void aRetriedCreateWithTheSameRequestIdReturnsTheFirstBeneficiary() throws Exception {
        String path = "/api/v1/beneficiaries?requestId=" + java.util.UUID.randomUUID();

        String beneficiary = elodie();
        HttpResponse<String> first = send(post(path, beneficiary).header("Authorization", "Bearer " + consultant()));
        HttpResponse<String> retry = send(post(path, beneficiary).header("Authorization", "Bearer " + consultant()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
    }

    @Test
    void refusesAMissingTokenWith401Problem() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/beneficiaries/x"));

        assertProblem(response, 401, "urn:bilan:problem:unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void refusesTokensFromAnotherIssuerOrAudienceOrExpired() throws Exception {
        for (String token : new String[] {TestIdentityProvider.tokenFromAnotherIssuer("consultant-1", "consultant"),
                TestIdentityProvider.tokenForAnotherAudience("consultant-1", "consultant"),
                TestIdentityProvider.expiredToken("consultant-1", "consultant"), "garbage",
                // the services' own token, valid for the audience, but no person's: refused at the door
                TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)}) {
            HttpResponse<String> response = send(get("/api/v1/beneficiaries/x").header("Authorization", "Bearer " + token));

            assertProblem(response, 401, "urn:bilan:problem:unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void refusesARoleTheContractDoesNotNameWith403Problem() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/beneficiaries", elodie())
                .header("Authorization", "Bearer " + TestIdentityProvider.token("auditor-1", "auditor")));

        JsonNode problem = assertProblem(response, 403, "urn:bilan:problem:permission-denied");
        assertThat(problem.get("title").asString()).isEqualTo("Accès refusé");
    }

    @Test
    void answersMalformedJsonWith400Problem() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/beneficiaries", "{\"centreId\": ")
                .header("Authorization", "Bearer " + consultant()));

        JsonNode problem = assertProblem(response, 400, "urn:bilan:problem:invalid-argument");
        assertThat(problem.get("detail").asString()).contains("JSON valide");
    }

    @Test
    void listsEveryInvalidFieldReportedByTheService() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/beneficiaries", "{\"centreId\":\"c\",\"email\":\"x\"}")
                .header("Authorization", "Bearer " + consultant()));

        JsonNode problem = assertProblem(response, 400, "urn:bilan:problem:invalid-argument");
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("givenName", "familyName", "email", "employmentStatus");
    }

    @Test
    void updatesWhatIsSentUnderIfMatchAndRefusesAStaleEtag() throws Exception {
        JsonNode created = JSON.readTree(send(post("/api/v1/beneficiaries", elodie())
                .header("Authorization", "Bearer " + consultant())).body());
        String path = "/api/v1/beneficiaries/" + created.get("id").asString();
        HttpResponse<String> read = send(get(path).header("Authorization", "Bearer " + consultant()));
        String etag = read.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> updated = send(patch(path, "{\"familyName\":\"Martin\",\"phone\":\"06 12 34 56 78\"}")
                .header("If-Match", etag).header("Authorization", "Bearer " + consultant()));
        HttpResponse<String> stale = send(patch(path, "{\"familyName\":\"Bernard\"}")
                .header("If-Match", etag).header("Authorization", "Bearer " + consultant()));
        HttpResponse<String> staleInBody = send(patch(path, "{\"familyName\":\"Bernard\",\"etag\":"
                + created.get("etag") + "}").header("Authorization", "Bearer " + consultant()));

        assertThat(etag).isEqualTo("\"" + created.get("etag").asString() + "\"");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(updated.body());
        assertThat(after.get("familyName").asString()).isEqualTo("Martin");
        assertThat(after.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(after.get("givenName").asString()).isEqualTo("Élodie");
        assertThat(updated.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
        assertProblem(stale, 412, "urn:bilan:problem:precondition-failed");
        assertProblem(staleInBody, 409, "urn:bilan:problem:aborted");
        assertThat(JSON.readTree(send(get(path).header("Authorization", "Bearer " + consultant())).body())
                .get("familyName").asString()).isEqualTo("Martin");
    }

    @Test
    void listsPageByPageAndRefusesATokenUnderOtherFilters() throws Exception {
        String centre = "centre-" + UUID.randomUUID();
        String manager = TestIdentityProvider.token("manager-1", List.of(centre), "centre-manager");
        for (String family : new String[] {"Bernard", "Arnaud", "Chevalier"}) {
            assertThat(send(post("/api/v1/beneficiaries", elodie().replace("centre-lyon", centre)
                    .replace("Durand", family)).header("Authorization", "Bearer " + manager)).statusCode()).isEqualTo(200);
        }
        String list = "/api/v1/centres/" + centre + "/beneficiaries?pageSize=2";

        JsonNode first = JSON.readTree(send(get(list).header("Authorization", "Bearer " + manager)).body());
        String token = first.get("nextPageToken").asString();
        JsonNode second = JSON.readTree(send(get(list + "&pageToken=" + token)
                .header("Authorization", "Bearer " + manager)).body());
        HttpResponse<String> otherFilter = send(get(list + "&namePrefix=b&pageToken=" + token)
                .header("Authorization", "Bearer " + manager));

        assertThat(first.get("beneficiaries").valueStream().map(b -> b.get("familyName").asString()))
                .containsExactly("Arnaud", "Bernard");
        assertThat(second.get("beneficiaries").valueStream().map(b -> b.get("familyName").asString()))
                .containsExactly("Chevalier");
        assertThat(second.get("nextPageToken").asString()).isEmpty();
        assertThat(assertProblem(otherFilter, 400, "urn:bilan:problem:invalid-argument").get("errors").get(0)
                .get("field").asString()).isEqualTo("pageToken");
        // the token names nobody, and an altered one resumes nothing
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT)).doesNotContain("bernard").doesNotContain("elodie");
        String altered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        assertThat(assertProblem(send(get(list + "&pageToken=" + altered).header("Authorization", "Bearer " + manager)),
                400, "urn:bilan:problem:invalid-argument").get("errors").get(0).get("field").asString())
                .isEqualTo("pageToken");
    }

    @Test
    void namesAnUnknownField() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/beneficiaries", "{\"centreId\":\"c\",\"nickname\":\"x\"}")
                .header("Authorization", "Bearer " + consultant()));

        JsonNode problem = assertProblem(response, 400, "urn:bilan:problem:invalid-argument");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("nickname");
    }

    @Test
    void answersAnUnknownIdWith404Problem() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/beneficiaries/nobody")
                .header("Authorization", "Bearer " + consultant()).header("X-Request-Id", "support-case-1234"));

        JsonNode problem = assertProblem(response, 404, "urn:bilan:problem:not-found");
        assertThat(problem.get("title").asString()).isEqualTo("Ressource introuvable");
        assertThat(problem.get("correlationId").asString()).isEqualTo("support-case-1234");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("support-case-1234");
    }

    @Test
    void answersUnknownRoutesWrongMethodsAndWrongMediaTypes() throws Exception {
        assertProblem(send(get("/api/v1/nothing").header("Authorization", "Bearer " + consultant())),
                404, "urn:bilan:problem:not-found");

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/v1/beneficiaries/x")).DELETE()
                .header("Authorization", "Bearer " + consultant()));
        assertProblem(deleted, 405, "urn:bilan:problem:method-not-allowed");
        assertThat(deleted.headers().firstValue("Allow").orElse("")).contains("GET").contains("PATCH");

        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/beneficiaries"))
                .POST(HttpRequest.BodyPublishers.ofString("centreId=c"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + consultant())), 415, "urn:bilan:problem:unsupported-media-type");
    }

    @Test
    void theServiceItselfRefusesACallWithoutToken() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        try {
            var stub = BeneficiaryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> stub.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("x").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder patch(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
