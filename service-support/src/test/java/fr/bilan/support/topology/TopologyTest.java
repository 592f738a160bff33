package fr.bilan.support.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import fr.bilan.support.testing.Topology;

/**
 * helm/bilan/files/topology.yaml is the one source of who calls whom, on which channel and ports:
 * the chart renders it (the helm module's tests), the integration suite's Platform reads it, and here
 * the launcher applies it and every application.yaml's local defaults agree with it.
 */
class TopologyTest {

    private static final Topology TOPOLOGY = Topology.read();

    static List<String> components() {
        return TOPOLOGY.components();
    }

    /** {@code ./bilan topology}: the arguments {@code ./bilan up} passes, ports and channel targets. */
    @Test
    void theLauncherAppliesTheTopology() throws IOException, InterruptedException {
        List<String> expected = new ArrayList<>();
        for (String service : TOPOLOGY.services()) {
            expected.add(service + " --spring.grpc.server.port=" + TOPOLOGY.grpcPort(service));
            expected.add(service + " --server.port=" + TOPOLOGY.httpPort(service));
            TOPOLOGY.calls(service).forEach(callee -> expected.add(service + " " + target(callee)));
        }
        expected.add("gateway --server.port=" + TOPOLOGY.httpPort("gateway"));
        TOPOLOGY.calls("gateway").forEach(callee -> expected.add("gateway " + target(callee)));

        assertThat(launcher("topology", Map.of())).isEqualTo(expected);
    }

    /**
     * {@code ./bilan settings}: notification-service sends to the launcher's SMTP server (GreenMail,
     * plain SMTP on loopback, its port a BILAN_ variable like the others'), links to the front-end's
     * origin, reads staff's addresses in the local Keycloak, and is given the centres' settings the other
     * readers are (the same fingerprint, which ./bilan up compares).
     */
    @Test
    void theLauncherPointsNotificationServiceAtTheLocalMailServer() throws IOException, InterruptedException {
        assertThat(launcher("settings", Map.of())).filteredOn(line -> line.startsWith("notification-service --spring.mail.")
                        || line.startsWith("notification-service --bilan.notification.") || line.startsWith("notification-service --bilan.directory."))
                .containsExactly("notification-service --spring.mail.host=127.0.0.1",
                        "notification-service --spring.mail.port=3025",
                        "notification-service --bilan.notification.sender=Bilan de compétences (local) <no-reply@bilan.localhost>",
                        "notification-service --bilan.notification.application-url=http://localhost:3000",
                        "notification-service --bilan.directory.realm-admin-uri=http://127.0.0.1:8180/admin/realms/bilan");
        List<String> settings = launcher("settings", Map.of());
        assertThat(centres(settings, "notification-service")).isNotEmpty().isEqualTo(centres(settings, "session-service"))
                .isEqualTo(centres(settings, "synthesis-service"));
        assertThat(launcher("settings", Map.of("BILAN_MAIL_SMTP_PORT", "2525", "BILAN_MAIL_FROM", "bilan@example.test",
                "BILAN_FRONTEND_ORIGIN", "http://localhost:5173")))
                .contains("notification-service --spring.mail.port=2525",
                        "notification-service --bilan.notification.sender=Bilan de compétences (local) <bilan@example.test>",
                        "notification-service --bilan.notification.application-url=http://localhost:5173");
    }

    /**
     * {@code ./bilan settings}: quality-service's survey links and published pages start with the local
     * gateway's address (its port a BILAN_ variable like the others'), and it is given the centres'
     * settings the other readers are (names and zones; the same fingerprint, which ./bilan up compares).
     */
    @Test
    void theLauncherGivesQualityServiceTheGatewaysAddressAndTheCentres() throws IOException, InterruptedException {
        List<String> settings = launcher("settings", Map.of());
        assertThat(settings).filteredOn(line -> line.startsWith("quality-service --bilan.quality."))
                .containsExactly("quality-service --bilan.quality.public-url=http://localhost:8080");
        assertThat(centres(settings, "quality-service")).isNotEmpty().isEqualTo(centres(settings, "session-service"));
        assertThat(launcher("settings", Map.of("BILAN_GATEWAY_PORT", "8888")))
                .contains("quality-service --bilan.quality.public-url=http://localhost:8888");
    }

    /** Each component's application.yaml: its ports, and a channel on localhost for each service it calls, none other. */
    @ParameterizedTest
    @MethodSource("components")
    void everyApplicationYamlAgreesWithTheTopology(String component) throws IOException {
        Map<String, Object> yaml = applicationYaml(component);
        if (component.equals("gateway")) {
            assertThat(get(yaml, "server.port")).as("gateway server.port").isEqualTo(TOPOLOGY.httpPort(component));
            assertThat(get(yaml, "management.server.port")).as("gateway management.server.port")
                    .isEqualTo(TOPOLOGY.managementPort(component));
        } else {
            assertThat(get(yaml, "spring.grpc.server.port")).as("%s spring.grpc.server.port", component)
                    .isEqualTo(TOPOLOGY.grpcPort(component));
            assertThat(get(yaml, "server.port")).as("%s server.port", component).isEqualTo(TOPOLOGY.httpPort(component));
        }
        Map<String, String> channels = new HashMap<>();
        Object declared = get(yaml, "spring.grpc.client.channel");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, channel) -> channels.put((String) name, String.valueOf(((Map<?, ?>) channel).get("target"))));
        }
        Map<String, String> expected = new HashMap<>();
        TOPOLOGY.calls(component).forEach(callee -> expected.put(TOPOLOGY.channel(callee), "localhost:" + TOPOLOGY.grpcPort(callee)));
        assertThat(channels).as("%s spring.grpc.client.channel.*.target", component).isEqualTo(expected);
    }

    /** The --bilan.centres.* settings ./bilan settings lists for a service. */
    private static List<String> centres(List<String> settings, String service) {
        return settings.stream().filter(line -> line.startsWith(service + " --bilan.centres."))
                .map(line -> line.substring(service.length() + 1)).toList();
    }

    private static String target(String callee) {
        return "--spring.grpc.client.channel." + TOPOLOGY.channel(callee) + ".target=127.0.0.1:" + TOPOLOGY.grpcPort(callee);
    }

    /** The launcher's output, every BILAN_* variable left out of its environment (the defaults apply) but {@code variables}. */
    private static List<String> launcher(String command, Map<String, String> variables) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "bilan", command).directory(Path.of("..").toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("BILAN_"));
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("./bilan %s: %s", command, output).isZero();
        return output.lines().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicationYaml(String component) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", component, "src", "main", "resources", "application.yaml"))) {
            // the first document: the profiles below it set no port
            return (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
        }
    }

    private static Object get(Map<String, Object> yaml, String key) {
        Object current = yaml;
        for (String part : key.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
