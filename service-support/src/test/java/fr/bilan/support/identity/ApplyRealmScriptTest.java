package fr.bilan.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.bilan.support.testing.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * helm/bilan/files/keycloak/apply-realm.sh, the chart's realm Job and ./bilan up's realm step,
 * against the real Keycloak started with the repository's realm (an existing install): the values
 * and a changed realm file reach it, a second run changes nothing, a missing realm is created.
 * Skipped where no JDK 21+ can run Keycloak, or without curl.
 */
class ApplyRealmScriptTest {

    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REALM_FILE = Path.of(System.getProperty("keycloak.realm"));
    private static final Path SCRIPT = REALM_FILE.resolveSibling("apply-realm.sh");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path jdk;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        var found = KeycloakServer.jdk21();
        assumeTrue(found.isPresent(), "Keycloak needs a JDK 21 or newer; none found");
        assumeTrue(commandExists("curl"), "curl is needed by apply-realm.sh's curl mode; not installed");
        jdk = found.get();
        KEYCLOAK.start(jdk);
    }

    @AfterAll
    static void stop() throws Exception {
        KEYCLOAK.close();
    }

    @Test
    void anExistingRealmTakesTheValuesAndTheChangedFileAndASecondRunChangesNothing() throws Exception {
        String consultantId = KEYCLOAK.userId("consultant");
        // the realm file of a later release: a new role, a new confidential client with its service
        // account's role, a client's description changed
        ObjectNode realm = (ObjectNode) JSON.readTree(REALM_FILE.toFile());
        ((ArrayNode) realm.get("roles").get("realm")).addObject().put("name", "qualiopi-reviewer")
                .put("description", "Rôle ajouté par une version ultérieure");
        ObjectNode web = client(realm, "bilan-web");
        web.put("description", "Front-end des consultants, version 2");
        ((ArrayNode) realm.get("clients")).addObject().put("clientId", "bilan-reports").put("publicClient", false)
                .put("secret", "${BILAN_REPORTS_CLIENT_SECRET}").put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false);
        ObjectNode account = ((ArrayNode) realm.get("users")).addObject().put("username", "service-account-bilan-reports")
                .put("enabled", true).put("serviceAccountClientId", "bilan-reports");
        account.putArray("realmRoles").add("platform-service");
        Path file = dir.resolve("bilan-realm.json");
        JSON.writeValue(file.toFile(), realm);
        Map<String, String> values = new HashMap<>(Map.of(
                "BILAN_REALM_WEB_URLS", "http://localhost:4200, https://consultants.example.fr",
                "BILAN_REALM_ACCESS_TOKEN_LIFESPAN", "600",
                "BILAN_REALM_SSO_SESSION_IDLE_TIMEOUT", "1200",
                "BILAN_REALM_SSO_SESSION_MAX_LIFESPAN", "28800",
                "BILAN_REALM_SMTP_HOST", "mail.example.fr",
                "BILAN_REALM_SMTP_PORT", "587",
                "BILAN_REALM_SMTP_FROM", "ne-pas-repondre@example.fr",
                "BILAN_REALM_SMTP_STARTTLS", "true",
                "BILAN_REALM_DEMO_USERS", "true",
                "BILAN_REPORTS_CLIENT_SECRET", "reports-secret"));

        Run first = run(file, "curl", values);

        assertThat(first.exitCode).as(first.output).isZero();
        JsonNode settings = admin("/admin/realms/bilan");
        assertThat(settings.get("accessTokenLifespan").asInt()).isEqualTo(600);
        assertThat(settings.get("ssoSessionIdleTimeout").asInt()).isEqualTo(1200);
        assertThat(settings.get("ssoSessionMaxLifespan").asInt()).isEqualTo(28800);
        assertThat(settings.get("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(settings.get("smtpServer").get("host").asString()).isEqualTo("mail.example.fr");
        assertThat(settings.get("smtpServer").get("starttls").asString()).isEqualTo("true");
        JsonNode webClient = serverClient("bilan", "bilan-web");
        assertThat(strings(webClient.get("redirectUris")))
                .containsExactlyInAnyOrder("http://localhost:4200/*", "https://consultants.example.fr/*");
        assertThat(strings(webClient.get("webOrigins")))
                .containsExactlyInAnyOrder("http://localhost:4200", "https://consultants.example.fr");
        assertThat(webClient.get("attributes").get("post.logout.redirect.uris").asString())
                .isEqualTo("http://localhost:4200/*##https://consultants.example.fr/*");
        assertThat(webClient.get("description").asString()).isEqualTo("Front-end des consultants, version 2");
        assertThat(webClient.get("protocolMappers")).extracting(m -> m.get("name").asString())
                .containsExactlyInAnyOrder("audience-bilan-api", "centres-claim");
        assertThat(admin("/admin/realms/bilan/roles/qualiopi-reviewer").get("description").asString())
                .isEqualTo("Rôle ajouté par une version ultérieure");
        // the new client has the secret it was given and its service account its role
        assertThat(realmRoles(clientCredentials("bilan", "bilan-reports", "reports-secret"))).contains("platform-service");
        // nothing that existed was recreated: same user, same secret
        assertThat(KEYCLOAK.userId("consultant")).isEqualTo(consultantId);
        assertThat(realmRoles(clientCredentials("bilan", "bilan-services", KEYCLOAK.servicesClientSecret())))
                .contains("platform-service");

        // the Job's way (kcadm.sh), again: nothing changes and nothing fails
        JsonNode before = snapshot();
        Run second = run(file, "kcadm", values);

        assertThat(second.exitCode).as(second.output).isZero();
        assertThat(second.output).contains("0 added");
        assertThat(differences("", before, snapshot())).isEmpty();
    }

    @Test
    void withoutAMailServerThePasswordResetIsHiddenAndTheFileValuesStay() throws Exception {
        Run run = run(REALM_FILE, "curl", Map.of("BILAN_REALM_DEMO_USERS", "true"));

        assertThat(run.exitCode).as(run.output).isZero();
        JsonNode settings = admin("/admin/realms/bilan");
        assertThat(settings.get("resetPasswordAllowed").asBoolean()).isFalse();
        assertThat(settings.get("smtpServer").isEmpty()).isTrue();
        assertThat(settings.get("accessTokenLifespan").asInt()).isEqualTo(900);
        assertThat(strings(serverClient("bilan", "bilan-web").get("redirectUris"))).containsExactly("http://localhost:3000/*");
        assertThat(KEYCLOAK.token("bilan", "bilan-cli", "consultant", "demo")).isNotBlank();
    }

    @Test
    void aMissingRealmIsCreatedWithoutDemoUsersAndWithItsServiceAccountsRoles() throws Exception {
        ObjectNode realm = (ObjectNode) JSON.readTree(REALM_FILE.toFile());
        realm.put("realm", "bilan-fresh");
        Path file = dir.resolve("fresh-realm.json");
        JSON.writeValue(file.toFile(), realm);

        Run run = run(file, "kcadm", Map.of("BILAN_REALM_WEB_URLS", "https://consultants.example.fr"));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("realm bilan-fresh created");
        assertThat(strings(serverClient("bilan-fresh", "bilan-web").get("redirectUris")))
                .containsExactly("https://consultants.example.fr/*");
        assertThat(realmRoles(clientCredentials("bilan-fresh", "bilan-services", "services-secret"))).contains("platform-service");
        assertThat(admin("/admin/realms/bilan-fresh/users?username=consultant&exact=true")).isEmpty();
        assertThat(admin("/admin/realms/bilan-fresh/clients?clientId=bilan-cli")).isEmpty();
        assertThat(admin("/admin/realms/bilan-fresh").get("resetPasswordAllowed").asBoolean()).isFalse();
    }

    @Test
    void aBadValueStopsTheScriptBeforeItCallsKeycloakNamingTheVariable() throws Exception {
        Run run = run(REALM_FILE, "curl", Map.of("BILAN_REALM_WEB_URLS", "consultants.example.fr/app"));

        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("BILAN_REALM_WEB_URLS", "is not an origin");
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the script the way the Job (kcadm) or ./bilan up (curl) does. */
    private Run run(Path realmFile, String http, Map<String, String> values) throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home"));
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("KEYCLOAK_URL", "http://127.0.0.1:" + KEYCLOAK.port);
        env.put("KEYCLOAK_ADMIN_USER", "admin");
        env.put("KEYCLOAK_ADMIN_PASSWORD", KEYCLOAK.adminPassword());
        env.put("BILAN_REALM_FILE", realmFile.toString());
        env.put("BILAN_REALM_HTTP", http);
        env.put("KCADM", home.resolve("bin/kcadm.sh").toString());
        env.put("JAVA_HOME", jdk.toString());
        env.put("KC_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"); // as the chart's Job
        env.put("TMPDIR", dir.toString());
        env.put("BILAN_SERVICES_CLIENT_SECRET", "services-secret");
        env.put("BILAN_DIRECTORY_CLIENT_SECRET", "directory-secret");
        env.putAll(values);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** The realm, its clients, roles, users and groups as the admin API shows them. */
    private static JsonNode snapshot() throws Exception {
        ObjectNode state = JSON.createObjectNode();
        for (String path : List.of("", "/clients", "/roles", "/users", "/groups")) {
            state.set("/admin/realms/bilan" + path, admin("/admin/realms/bilan" + path));
        }
        return state;
    }

    /**
     * Where two answers of the admin API differ, path by path; arrays compared as sets, since
     * Keycloak lists sets (redirect URIs, mappers, roles) in no fixed order.
     */
    private static List<String> differences(String path, JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        if (before.isObject() && after.isObject()) {
            Set<String> keys = new TreeSet<>(before.propertyNames());
            keys.addAll(after.propertyNames());
            for (String key : keys) {
                JsonNode a = before.get(key);
                JsonNode b = after.get(key);
                if (a == null || b == null) {
                    out.add(path + "/" + key + ": " + a + " -> " + b);
                } else {
                    out.addAll(differences(path + "/" + key, a, b));
                }
            }
        } else if (before.isArray() && after.isArray()) {
            List<JsonNode> a = sorted(before);
            List<JsonNode> b = sorted(after);
            if (a.size() != b.size()) {
                out.add(path + ": " + a.size() + " -> " + b.size() + " elements");
            } else {
                for (int i = 0; i < a.size(); i++) {
                    out.addAll(differences(path + "[" + i + "]", a.get(i), b.get(i)));
                }
            }
        } else if (!before.equals(after)) {
            out.add(path + ": " + before + " -> " + after);
        }
        return out;
    }

    /** An array's elements in the order of their text, their own arrays sorted too. */
    private static List<JsonNode> sorted(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(e -> elements.add(e));
        elements.sort(Comparator.comparing(ApplyRealmScriptTest::canonical));
        return elements;
    }

    private static String canonical(JsonNode node) {
        if (node.isArray()) {
            return sorted(node).stream().map(ApplyRealmScriptTest::canonical).toList().toString();
        }
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.propertyNames().forEach(k -> fields.put(k, canonical(node.get(k))));
            return fields.toString();
        }
        return node.toString();
    }

    private static JsonNode serverClient(String realm, String clientId) throws Exception {
        JsonNode clients = admin("/admin/realms/" + realm + "/clients?clientId=" + clientId);
        assertThat(clients).as("client %s in %s", clientId, realm).hasSize(1);
        return clients.get(0);
    }

    private static ObjectNode client(ObjectNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return (ObjectNode) client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm file");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK.issuerBase() + path))
                .header("Authorization", "Bearer " + KEYCLOAK.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The realm roles of a client's own access token (client-credentials grant). */
    private static List<String> realmRoles(String token) {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return strings(claims.get("realm_access").get("roles"));
    }

    private static String clientCredentials(String realm, String client, String secret) throws Exception {
        String body = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK.issuerBase()
                + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token of %s in %s: %s", client, realm, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static boolean commandExists(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
