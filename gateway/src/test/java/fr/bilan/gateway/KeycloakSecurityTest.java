package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.gateway.transcoding.GrpcTranscodingFilter;
import fr.bilan.gateway.transcoding.HttpBinding;
import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.KeycloakServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway and beneficiary-service against the real Keycloak with the repository's realm:
 * every exposed RPC called with every demo role (allowed, or 403 as its contract says), and every
 * kind of bad token refused with 401, the services' own token included; beneficiary-service checking
 * logins in the same Keycloak. Skipped where no JDK 21+ can run Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.per-user=100000", "bilan.gateway.rate-limit.per-client-ip=100000"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSecurityTest {

    /** Demo user → the one realm role it holds (realm file). */
    private static final Map<String, String> DEMO_USERS = Map.of("beneficiary", "beneficiary", "consultant", "consultant",
            "manager", "centre-manager", "netadmin", "network-admin", "auditor", "auditor");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int GRPC_PORT = GrpcServiceTestSupport.freePort();
    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static String shortLivedToken;
    private static Instant shortLivedExpiry;
    private static ServiceProcess beneficiaryService;

    @LocalServerPort
    private int port;

    @Autowired
    private HttpBindings bindings;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startKeycloakAndService() throws Exception {
        var jdk = KeycloakServer.jdk21();
        assumeTrue(jdk.isPresent(), "Keycloak needs a JDK 21 or newer; none found");
        KEYCLOAK.start(jdk.get());
        for (String user : DEMO_USERS.keySet()) {
            TOKENS.put(user, KEYCLOAK.token("bilan", "bilan-cli", user, "demo"));
        }
        KEYCLOAK.setAccessTokenLifespan(1);
        shortLivedToken = KEYCLOAK.token("bilan", "bilan-cli", "consultant", "demo");
        shortLivedExpiry = Instant.ofEpochSecond(claims(shortLivedToken).get("exp").asLong());
        KEYCLOAK.setAccessTokenLifespan(900);
        // beneficiary-service checks logins in Keycloak's admin API with the realm's bilan-directory client
        beneficiaryService = ServiceProcess.startOnEmbeddedStores("beneficiary-service", GrpcServiceTestSupport.freePort(),
                "--spring.grpc.server.port=" + GRPC_PORT, "--bilan.embedded.store=memory",
                "--bilan.oidc.issuer=" + KEYCLOAK.issuer(), "--bilan.oidc.jwks-uri=" + KEYCLOAK.internalJwksUri(),
                "--bilan.directory.realm-admin-uri=" + KEYCLOAK.realmAdminUri(),
                "--bilan.directory.token-uri=" + KEYCLOAK.tokenEndpoint(),
                "--bilan.directory.client-secret=" + KEYCLOAK.directoryClientSecret());
    }



    @AfterAll
    static void stop() throws Exception {
        if (beneficiaryService != null) {
            beneficiaryService.close();
        }
        KEYCLOAK.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", KEYCLOAK::issuer);
        registry.add("bilan.oidc.jwks-uri", KEYCLOAK::internalJwksUri);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + GRPC_PORT);
    }

    @Test
    @Order(1)
    void tokensCarryTheRolesTheCentresAndTheAudience() {
        ObjectNode consultant = claims(TOKENS.get("consultant"));

        assertThat(consultant.get("iss").asString()).isEqualTo(KEYCLOAK.issuer());
        assertThat(consultant.get("aud").toString()).contains("bilan-api");
        assertThat(consultant.get("realm_access").get("roles").toString()).contains("consultant");
        assertThat(consultant.get("centres").toString()).contains("centre-lyon");
    }

    @Test
    @Order(1)
    void theServicesClientGetsAPlatformServiceTokenForTheApiWithTheSecretFromTheEnvironment() throws Exception {
        ObjectNode service = claims(KEYCLOAK.serviceToken());

        assertThat(service.get("iss").asString()).isEqualTo(KEYCLOAK.issuer());
        assertThat(service.get("aud").toString()).contains("bilan-api");
        assertThat(service.get("azp").asString()).isEqualTo("bilan-services");
        assertThat(service.get("realm_access").get("roles").toString()).contains("platform-service");
        // the placeholder was replaced at import, not kept as a secret anyone can read in the repository
        assertThat(KEYCLOAK.clientCredentials("bilan-services", "${BILAN_SERVICES_CLIENT_SECRET}").statusCode())
                .isEqualTo(401);
        assertThat(KEYCLOAK.clientCredentials("bilan-directory", "${BILAN_DIRECTORY_CLIENT_SECRET}").statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(1)
    void theGatewayRefusesTheServicesOwnTokenWhichSkipsCentreScoping() throws Exception {
        HttpBinding get = bindings.all().stream().filter(b -> b.method().getName().equals("GetBeneficiary")).findFirst()
                .orElseThrow();

        HttpResponse<String> response = call(get, KEYCLOAK.serviceToken());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("service de la plateforme");
    }

    @Test
    @Order(1)
    void theDirectoryClientMayViewUsersAndNothingOfTheApi() throws Exception {
        HttpResponse<String> token = KEYCLOAK.clientCredentials("bilan-directory", KEYCLOAK.directoryClientSecret());
        ObjectNode claims = claims(JSON.readTree(token.body()).get("access_token").asString());
        HttpBinding get = bindings.all().stream().filter(b -> b.method().getName().equals("GetBeneficiary")).findFirst()
                .orElseThrow();

        // view-users and what it is made of (query-users, query-groups): no manage-*, no other client's role
        assertThat(claims.get("resource_access").propertyNames()).containsExactly("realm-management");
        assertThat(claims.get("resource_access").get("realm-management").get("roles").valueStream()
                .map(role -> role.asString()).toList()).contains("view-users")
                .isSubsetOf("view-users", "query-users", "query-groups");
        assertThat(claims.has("aud") ? claims.get("aud").toString() : "").doesNotContain("bilan-api");
        assertThat(call(get, JSON.readTree(token.body()).get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aManagerAssignsOnlyAConsultantOfTheCentreAndLinksOnlyABeneficiarysLoginAsKeycloakKnowsThem()
            throws Exception {
        String manager = TOKENS.get("manager");
        String created = send("POST", "/api/v1/beneficiaries", manager, """
                {"centreId":"centre-lyon","givenName":"Élodie","familyName":"Durand","email":"%s@example.fr",\
                "employmentStatus":"PRIVATE_SECTOR_EMPLOYEE"}""".formatted(java.util.UUID.randomUUID())).body();
        String id = JSON.readTree(created).get("id").asString();
        String assign = "/api/v1/beneficiaries/" + id + ":assignConsultant";

        HttpResponse<String> beneficiaryAssigned = send("POST", assign, manager,
                "{\"consultantId\":\"" + KEYCLOAK.userId("beneficiary") + "\"}");
        HttpResponse<String> consultantAssigned = send("POST", assign, manager,
                "{\"consultantId\":\"" + KEYCLOAK.userId("consultant") + "\"}");
        HttpResponse<String> staffLinked = send("PATCH", "/api/v1/beneficiaries/" + id, manager,
                "{\"accountId\":\"" + KEYCLOAK.userId("auditor") + "\"}");
        HttpResponse<String> loginLinked = send("PATCH", "/api/v1/beneficiaries/" + id, manager,
                "{\"accountId\":\"" + KEYCLOAK.userId("beneficiary") + "\"}");

        assertThat(beneficiaryAssigned.statusCode()).as(beneficiaryAssigned.body()).isEqualTo(400);
        assertThat(JSON.readTree(beneficiaryAssigned.body()).get("type").asString())
                .isEqualTo("urn:bilan:problem:failed-precondition");
        assertThat(consultantAssigned.statusCode()).as(consultantAssigned.body()).isEqualTo(200);
        assertThat(staffLinked.statusCode()).as(staffLinked.body()).isEqualTo(400);
        assertThat(JSON.readTree(staffLinked.body()).get("detail").asString()).contains("membre du personnel");
        assertThat(loginLinked.statusCode()).as(loginLinked.body()).isEqualTo(200);
        // the beneficiary now reads their own record through their login
        assertThat(send("GET", "/api/v1/beneficiaries/" + id, TOKENS.get("beneficiary"), null).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(2)
    void everyExposedRpcAnswersEachRoleAsItsContractSays() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        rows.add("| RPC | HTTP | " + String.join(" | ", DEMO_USERS.values()) + " |");
        rows.add("|---|---|" + "---|".repeat(DEMO_USERS.size()));
        for (HttpBinding binding : bindings.all()) {
            StringBuilder row = new StringBuilder("| " + binding.method().getFullName() + " | "
                    + binding.httpMethod() + " " + binding.path() + " |");
            for (var user : DEMO_USERS.entrySet()) {
                HttpResponse<String> response = call(binding, TOKENS.get(user.getKey()));
                int status = response.statusCode();
                // a 403 for data out of the user's centres means the role itself was let through
                boolean roleRefused = status == 403 && response.body().contains(GrpcTranscodingFilter.ROLE_REFUSED);
                // a public route lets every role through: the secret in its path decides
                boolean allowed = binding.publicWithSecretPath() || binding.allowedRoles().contains(user.getValue());
                row.append(allowed ? " allowed (" : " refused (").append(status)
                        .append(status == 403 && !roleRefused ? ", outside their centres" : "").append(") |");
                if (allowed ? status == 401 || roleRefused : !roleRefused) {
                    mismatches.add(binding.method().getFullName() + " as " + user.getValue() + " -> " + status);
                }
            }
            rows.add(row.toString());
        }
        Files.writeString(Path.of("target", "authorization-matrix.md"), String.join("\n", rows) + "\n");

        assertThat(bindings.all()).isNotEmpty();
        assertThat(mismatches).as("calls that did not answer as the contract's roles say").isEmpty();
    }

    @Test
    @Order(3)
    void refusesTamperedUnsignedForeignAndMisaddressedTokens() throws Exception {
        String valid = TOKENS.get("auditor");
        String[] parts = valid.split("\\.");
        ObjectNode payload = claims(valid);
        payload.putObject("realm_access").putArray("roles").add("consultant");
        String tampered = parts[0] + "." + base64(payload.toString()) + "." + parts[2];
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String otherIssuer = KEYCLOAK.adminToken();
        String otherAudience = KEYCLOAK.token("bilan", "admin-cli", "consultant", "demo");
        HttpBinding get = bindings.all().stream().filter(b -> b.method().getName().equals("GetBeneficiary")).findFirst().orElseThrow();

        assertThat(call(get, TOKENS.get("consultant")).statusCode()).isEqualTo(404);
        for (var bad : Map.of("tampered", tampered, "alg none", unsigned, "wrong issuer", otherIssuer,
                "wrong audience", otherAudience).entrySet()) {
            HttpResponse<String> response = call(get, bad.getValue());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(bad.getKey()).contains("application/problem+json");
        }
    }

    @Test
    @Order(4)
    void refusesAnExpiredToken() throws Exception {
        // Spring accepts 60 s of clock skew: wait until the token is past it
        Duration wait = Duration.between(Instant.now(), shortLivedExpiry.plusSeconds(62));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        HttpBinding get = bindings.all().stream().filter(b -> b.method().getName().equals("GetBeneficiary")).findFirst().orElseThrow();

        assertThat(call(get, shortLivedToken).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(HttpBinding binding, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + binding.path().example()))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (binding.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(binding.httpMethod().name(), binding.body() != null
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode claims(String token) {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
