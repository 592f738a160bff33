package fr.bilan.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import fr.bilan.gateway.GatewayApplication;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.support.testing.Topology;

/**
 * The whole platform pointed at the real servers: the services of the topology from their executable jars,
 * each in its own JVM with its own database in the replica set, the gateway in this JVM. Wired as
 * {@code ./bilan up} wires it (channels, the services' own client secret), with the stores and the
 * identity provider of {@link RealServers} in place of the embedded ones.
 */
final class Platform implements AutoCloseable {

    /** Who calls whom, over which channel: helm/bilan/files/topology.yaml, as the chart and ./bilan read it. */
    private static final Topology TOPOLOGY = Topology.read();
    private static final List<String> SERVICES = TOPOLOGY.services();
    /**
     * The centres' settings in the suite, the same for every service that reads them (session-,
     * synthesis-, notification-, beneficiary- and quality-service: one schema, bound by service-support's
     * Centres): a fictitious identity, and
     * centre-lyon open every day from 00:00 to 23:59, sessions from one minute, several a day, one of
     * each phase in a week. A bilan's phases then follow one another within minutes of the real clock
     * (a session is booked ahead and signed once it has started).
     */
    private static final List<String> CENTRES = Stream.concat(Stream.of(
            "--bilan.centres.defaults.name=Centre de bilans d'intégration (fictif)",
            "--bilan.centres.defaults.address=1 place de l'Intégration\n69000 Lyon",
            "--bilan.centres.defaults.declaration-number=00 00 00000 00"), Stream.concat(
            Arrays.stream(DayOfWeek.values()).map(day -> "opening-hours." + day + "=00:00-23:59"),
            Stream.of("min-session-length=1m", "min-days-between=0", "max-sessions-per-week=3"))
            .map(rule -> "--bilan.centres.overrides.centre-lyon." + rule)).toList();
    private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\":\"([0-9a-f]+)\"");
    /** The services that read the centres' settings. */
    private static final List<String> CENTRE_READERS = List.of("session-service", "synthesis-service",
            "notification-service", "beneficiary-service", "quality-service");

    private final Map<String, Integer> grpcPorts = new LinkedHashMap<>();
    private final Map<String, Integer> httpPorts = new LinkedHashMap<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private ConfigurableApplicationContext gateway;
    final int gatewayPort = GrpcServiceTestSupport.freePort();

    Platform() {
        SERVICES.forEach(service -> grpcPorts.put(service, GrpcServiceTestSupport.freePort()));
        SERVICES.forEach(service -> httpPorts.put(service, GrpcServiceTestSupport.freePort()));
    }

    Platform start(MongoDBContainer mongo, GenericContainer<?> s3, GenericContainer<?> keycloak) throws Exception {
        String issuer = RealServers.issuer(keycloak);
        try {
            for (String service : SERVICES) {
                List<String> arguments = new ArrayList<>(List.of(
                        "--spring.grpc.server.port=" + grpcPorts.get(service), "--spring.grpc.server.address=127.0.0.1",
                        "--spring.mongodb.uri=" + mongo.getReplicaSetUrl("bilan-" + service),
                        "--bilan.oidc.issuer=" + issuer,
                        "--bilan.oidc.client-secret=" + RealServers.SERVICES_CLIENT_SECRET));
                TOPOLOGY.calls(service).forEach(callee -> arguments.add(channel(callee)));
                if (service.equals("synthesis-service")) {
                    // the one holder of objects
                    arguments.addAll(List.of("--bilan.storage.s3.endpoint=" + RealServers.s3Endpoint(s3),
                            "--bilan.storage.s3.access-key=" + RealServers.S3_ACCESS_KEY,
                            "--bilan.storage.s3.secret-key=" + RealServers.S3_SECRET_KEY,
                            "--bilan.synthesis.encryption.master-key=" + randomKey()));
                }
                if (CENTRE_READERS.contains(service)) {
                    arguments.addAll(CENTRES);
                }
                if (service.equals("quality-service")) {
                    // the survey links and the published pages start with the API's address: the gateway's
                    arguments.add("--bilan.quality.public-url=" + gatewayUrl());
                }
                if (service.equals("beneficiary-service") || service.equals("notification-service")) {
                    // logins checked (beneficiary-service) and staff addresses read (notification-service) in
                    // the real Keycloak with the realm's bilan-directory client
                    arguments.addAll(List.of("--bilan.directory.realm-admin-uri=" + issuer.replace("/realms/",
                            "/admin/realms/"), "--bilan.directory.client-secret=" + RealServers.DIRECTORY_CLIENT_SECRET));
                }
                services.add(ServiceProcess.start(service, httpPorts.get(service), arguments.toArray(String[]::new)));
            }
            centresAgree();
            Map<String, Object> gatewayProperties = new LinkedHashMap<>();
            gatewayProperties.put("server.port", gatewayPort);
            gatewayProperties.put("server.address", "127.0.0.1");
            gatewayProperties.put("management.server.port", GrpcServiceTestSupport.freePort());
            gatewayProperties.put("bilan.oidc.issuer", issuer);
            gatewayProperties.put("bilan.oidc.jwks-uri", issuer + "/protocol/openid-connect/certs");
            TOPOLOGY.calls("gateway").forEach(service -> gatewayProperties.put(channelProperty(service), target(service)));
            gateway = new SpringApplicationBuilder(GatewayApplication.class).properties(gatewayProperties).run();
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Every service that reads the centres' settings reports the same fingerprint of them (/actuator/info). */
    private void centresAgree() throws Exception {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String service : CENTRE_READERS) {
            String info = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(service)
                    + "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher fingerprint = FINGERPRINT.matcher(info);
            fingerprints.put(service, fingerprint.find() ? fingerprint.group(1) : "none in " + info);
        }
        if (fingerprints.values().stream().distinct().count() != 1) {
            throw new IllegalStateException("the services read different centres' settings: " + fingerprints);
        }
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    private String channel(String service) {
        return "--" + channelProperty(service) + "=" + target(service);
    }

    private static String channelProperty(String service) {
        return "spring.grpc.client.channel." + TOPOLOGY.channel(service) + ".target";
    }

    private String target(String service) {
        return "127.0.0.1:" + grpcPorts.get(service);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
    }
}
