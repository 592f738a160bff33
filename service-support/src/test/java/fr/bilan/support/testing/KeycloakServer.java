package fr.bilan.support.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official Keycloak distribution (unpacked by Maven), started from a clean database with the
 * repository's realm file, as in production: issuer on {@code localhost}, keys also reachable on
 * {@code 127.0.0.1} like an in-cluster URL. Needs a JDK 21+; {@link #jdk21()} finds one.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final int port = GrpcServiceTestSupport.freePort();
    private final int managementPort = GrpcServiceTestSupport.freePort();
    private final String adminPassword = UUID.randomUUID().toString();
    /** The secret of the services' client, which the realm file reads from the environment at import. */
    private final String servicesClientSecret = UUID.randomUUID().toString();
    /** The secret of the directory's client (bilan-directory), read from the environment at import too. */
    private final String directoryClientSecret = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    /** A JDK 21+ to run Keycloak: this JVM's, else one under /usr/lib/jvm. */
    public static Optional<Path> jdk21() {
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        try (Stream<Path> jdks = Files.list(Path.of(System.getProperty("bilan.jvm.dir", "/usr/lib/jvm")))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            Process version = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-version").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(10, TimeUnit.SECONDS);
            var matcher = java.util.regex.Pattern.compile("version \"(\\d+)").matcher(text);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public void start(Path jdk) throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home"));
        deleteRecursively(home.resolve("data/h2"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of(System.getProperty("keycloak.realm")), home.resolve("data/import/bilan-realm.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true",
                "--hostname=" + issuerBase())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("BILAN_SERVICES_CLIENT_SECRET", servicesClientSecret);
        builder.environment().put("BILAN_DIRECTORY_CLIENT_SECRET", directoryClientSecret);
        process = builder.start();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited, see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + ", see target/keycloak.log");
    }

    /** The public URL users see, which tokens name as issuer. */
    public String issuerBase() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return issuerBase() + "/realms/bilan";
    }

    /** The keys at another address than the issuer's, as an in-cluster URL would be. */
    public String internalJwksUri() {
        return "http://127.0.0.1:" + port + "/realms/bilan/protocol/openid-connect/certs";
    }

    /** An access token from the password grant. */
    public String token(String realm, String client, String user, String password) throws Exception {
        HttpResponse<String> response = post("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", client, "username", user, "password", password), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token refused for " + user + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A token of the services' own client, from the client-credentials grant. */
    public String serviceToken() throws Exception {
        HttpResponse<String> response = clientCredentials("bilan-services", servicesClientSecret);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token refused for bilan-services: " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** The client-credentials grant, the client authenticating with HTTP Basic as ServiceToken does. */
    public HttpResponse<String> clientCredentials(String client, String secret) throws Exception {
        String credentials = URLEncoder.encode(client, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return post("/realms/bilan/protocol/openid-connect/token", Map.of("grant_type", "client_credentials"),
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    public String adminToken() throws Exception {
        return token("master", "admin-cli", "admin", adminPassword);
    }

    /** The password of the master realm's admin user (admin), for tools that log in themselves. */
    public String adminPassword() {
        return adminPassword;
    }

    public String servicesClientSecret() {
        return servicesClientSecret;
    }

    public String directoryClientSecret() {
        return directoryClientSecret;
    }

    /** Where a client of the realm asks for its tokens. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The realm's admin API, at the in-cluster-like address. */
    public URI realmAdminUri() {
        return URI.create("http://127.0.0.1:" + port + "/admin/realms/bilan");
    }

    /** The subject (user id) of a user of the realm, found by username through the admin API. */
    public String userId(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerBase()
                + "/admin/realms/bilan/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode users = JSON.readTree(response.body());
        if (response.statusCode() != 200 || users.size() != 1) {
            throw new IllegalStateException("No single user " + username + ": " + response.statusCode());
        }
        return users.get(0).get("id").asString();
    }

    /** Changes the realm's access-token lifespan through the admin API. */
    public void setAccessTokenLifespan(int seconds) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerBase() + "/admin/realms/bilan"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Realm update refused: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuerBase() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : descendants) {
            child.onExit().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
