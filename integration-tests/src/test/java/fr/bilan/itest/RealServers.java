package fr.bilan.itest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * The servers production runs on, as containers: a MongoDB replica set, an S3-compatible store (a
 * maintained MinIO build, plain S3 API only) and Keycloak with the repository's realm. Images come
 * from the {@code bilan.itest.*-image} system properties the build sets.
 */
final class RealServers {

    static final String S3_ACCESS_KEY = "bilan-itest";
    static final String S3_SECRET_KEY = UUID.randomUUID().toString();
    /** The secret of the realm's bilan-services client, which the realm file reads from the environment. */
    static final String SERVICES_CLIENT_SECRET = UUID.randomUUID().toString();
    static final String DIRECTORY_CLIENT_SECRET = UUID.randomUUID().toString();
    /** The realm's demo users' password. */
    static final String DEMO_PASSWORD = "demo";

    private static final int S3_PORT = 9000;
    private static final int KEYCLOAK_PORT = 8080;
    private static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealServers() {
    }

    private static String image(String name) {
        return System.getProperty("bilan.itest." + name + "-image");
    }

    /** A single-member replica set: transactions and change streams, as in production. */
    static MongoDBContainer mongo() {
        return new MongoDBContainer(image("mongo")).withReplicaSet();
    }

    static GenericContainer<?> s3() {
        return new GenericContainer<>(image("s3"))
                .withEnv("MINIO_ROOT_USER", S3_ACCESS_KEY)
                .withEnv("MINIO_ROOT_PASSWORD", S3_SECRET_KEY)
                // a path the image's non-root user may write to
                .withCommand("server", "/tmp/data", "--address", ":" + S3_PORT)
                .withExposedPorts(S3_PORT)
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(S3_PORT))
                .withStartupTimeout(Duration.ofMinutes(2));
    }

    /** Keycloak in dev mode with the realm imported; the issuer follows the URL it is called at. */
    static GenericContainer<?> keycloak() {
        return new GenericContainer<>(image("keycloak"))
                .withCopyFileToContainer(MountableFile.forHostPath(Path.of(System.getProperty("keycloak.realm"))),
                        "/opt/keycloak/data/import/bilan-realm.json")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString())
                .withEnv("BILAN_SERVICES_CLIENT_SECRET", SERVICES_CLIENT_SECRET)
                .withEnv("BILAN_DIRECTORY_CLIENT_SECRET", DIRECTORY_CLIENT_SECRET)
                .withCommand("start-dev", "--import-realm", "--health-enabled=true")
                .withExposedPorts(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT)
                .waitingFor(Wait.forHttp("/health/ready").forPort(KEYCLOAK_MANAGEMENT_PORT))
                .withStartupTimeout(Duration.ofMinutes(4));
    }

    static String s3Endpoint(GenericContainer<?> s3) {
        return "http://" + s3.getHost() + ":" + s3.getMappedPort(S3_PORT);
    }

    /** The issuer tokens name, at the address the tests, the services and the gateway all use. */
    static String issuer(GenericContainer<?> keycloak) {
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(KEYCLOAK_PORT) + "/realms/bilan";
    }

    /**
     * An access token for one of the realm's demo users ({@code consultant}, {@code beneficiary},
     * {@code manager}, {@code netadmin}, {@code auditor}), by the password grant of the public
     * {@code bilan-cli} client, as {@code ./bilan token} gets it.
     */
    static String token(GenericContainer<?> keycloak, String user) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "bilan-cli", "username", user, "password", DEMO_PASSWORD)
                .entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(keycloak) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /**
     * The subject of a token (its {@code sub} claim): the account id a beneficiary's record is linked
     * to, which Keycloak generated when it imported the realm.
     */
    static String subject(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asString();
    }
}
