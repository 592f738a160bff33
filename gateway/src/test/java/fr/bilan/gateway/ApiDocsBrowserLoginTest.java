package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.KeycloakServer;
import fr.bilan.support.testing.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Swagger UI at {@code /api/docs} logs a person in as the docs page says: headless Chromium clicks
 * Authorize, signs in on the real Keycloak's form with the realm's {@code bilan-api-docs} client
 * (authorization code + PKCE), comes back authorized and runs "Try it out" on an operation of the
 * real beneficiary-service (the beneficiaries of the consultant's centre), which answers 200; no
 * Content-Security-Policy violation on the way.
 * Skipped where no JDK 21+ runs Keycloak, or where Chromium, node or puppeteer-core is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsBrowserLoginTest {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsBrowserLoginTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT_ID = "bilan-api-docs";
    private static final Path TOOLS = Path.of(System.getProperty("basedir", ".")).resolve("tools");
    private static final Path CHROMIUM = Path.of(System.getProperty("bilan.chromium", "/usr/bin/chromium"));
    private static final int GRPC_PORT = GrpcServiceTestSupport.freePort();
    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static ServiceProcess beneficiaryService;
    private static boolean docsClientPointed;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startKeycloakAndService() throws Exception {
        var jdk = KeycloakServer.jdk21();
        assumeTrue(jdk.isPresent(), "Keycloak needs a JDK 21 or newer; none found");
        KEYCLOAK.start(jdk.get());
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

    /**
     * The realm file names the launcher's gateway, {@code http://localhost:8080}; this gateway listens
     * on a free port, so its redirect URI and web origin are set on the client, nothing else.
     */
    @BeforeEach
    void pointTheDocsClientAtThisGateway() throws Exception {
        if (docsClientPointed) {
            return;
        }
        String gateway = gateway();
        String clients = KEYCLOAK.issuerBase() + "/admin/realms/bilan/clients";
        JsonNode found = JSON.readTree(admin(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID)), 200));
        assertThat(found.size()).as("the realm file's " + CLIENT_ID + " client").isEqualTo(1);
        ObjectNode client = (ObjectNode) found.get(0);
        assertThat(client.get("redirectUris").toString()).contains("http://localhost:8080/api/docs/oauth2-redirect.html");
        assertThat(client.get("webOrigins").toString()).contains("http://localhost:8080");
        client.putArray("redirectUris").add(gateway + "/api/docs/oauth2-redirect.html");
        client.putArray("webOrigins").add(gateway);
        admin(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), 204);
        docsClientPointed = true;
    }

    @Test
    void theDocsClientIsPublicAndRefusesACodeRequestWithoutPkce() throws Exception {
        String withoutPkce = KEYCLOAK.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id=" + CLIENT_ID
                + "&scope=openid&state=s&redirect_uri="
                + URLEncoder.encode(gateway() + "/api/docs/oauth2-redirect.html", StandardCharsets.UTF_8);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(withoutPkce)).build(),
                HttpResponse.BodyHandlers.ofString());

        // Keycloak sends the error back to the (registered) redirect URI rather than showing its form
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(gateway() + "/api/docs/oauth2-redirect.html").contains("error=invalid_request")
                .contains("code_challenge_method"));
    }

    @Test
    void aConsultantLogsInThroughSwaggerUiAndTriesAnOperationInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium (bash .ci/run "
                + "does it) to run Swagger UI's login in a real browser");
        assumeTrue(Files.isDirectory(TOOLS.resolve("node_modules/puppeteer-core")), "puppeteer-core is not installed in "
                + TOOLS + ": run npm ci --prefix gateway/tools (bash .ci/run does it)");
        Path screenshot = Path.of("target", "api-docs-login.png").toAbsolutePath();
        Path output = Path.of("target", "api-docs-login.log");
        Process node;
        try {
            node = new ProcessBuilder("node", TOOLS.resolve("swagger-ui-login.mjs").toAbsolutePath().toString(),
                    CHROMIUM.toString(), gateway() + "/api/docs", "consultant", "demo",
                    "operations-BeneficiaryService-BeneficiaryService_ListBeneficiaries", screenshot.toString(),
                    "centreId=centre-lyon")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException noNode) {
            assumeTrue(false, "node is not on the PATH: Swagger UI's login is not run in a real browser");
            return;
        }
        long started = System.nanoTime();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly().waitFor();
        }
        log.info("Swagger UI login and call in Chromium took {} ms; screenshot {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), screenshot);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String report = String.join("\n", lines);

        assertThat(finished).as("the browser run finished within 3 minutes:\n" + report).isTrue();
        assertThat(node.exitValue()).as(report).isZero();
        JsonNode result = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(result.get("status").asInt()).as(report).isEqualTo(200);
        assertThat(result.get("cspViolations").valueStream().map(JsonNode::asString).toList()).as(report).isEmpty();
        assertThat(result.get("errors").valueStream().map(JsonNode::asString).toList()).as(report).isEmpty();
        assertThat(screenshot).isNotEmptyFile();
    }

    /** The origin the browser sees the gateway at: the host name Keycloak's issuer uses too. */
    private String gateway() {
        return "http://localhost:" + port;
    }

    private static String admin(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + KEYCLOAK.adminToken())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
