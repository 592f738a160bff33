package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The chart takes the call topology from files/topology.yaml (its ports, channels and calls), and a
 * service's call deadlines from {@code services.<name>.clients}; the keys the topology replaced are
 * refused with a message.
 */
class TopologyChartTest {

    static final String VALID = "default-values.yaml";

    @Test
    void everyComponentListensOnTheTopologysPortsAndItsServicesSayThem() {
        var objects = Chart.render(VALID);
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            String component = container.getName();
            Map<String, Integer> ports = container.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            Map<String, Integer> expected = new HashMap<>();
            if (component.equals("gateway")) {
                expected.put("api", Topology.port(component, "httpPort"));
                expected.put("management", Topology.port(component, "managementPort"));
            } else {
                expected.put("http", Topology.port(component, "httpPort"));
                expected.put("grpc", Topology.port(component, "grpcPort"));
                assertThat(env(container)).containsEntry("SPRING_GRPC_SERVER_PORT", String.valueOf(Topology.port(component, "grpcPort")));
            }
            assertThat(ports).as(component).isEqualTo(expected);
            assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(Topology.port(component, "httpPort")));
            for (Service service : Chart.ofKind(objects, Service.class)) {
                if (service.getMetadata().getName().startsWith("bilan-" + component)) {
                    for (ServicePort port : service.getSpec().getPorts()) {
                        assertThat(port.getPort()).as(service.getMetadata().getName()).isEqualTo(ports.get(port.getTargetPort().getStrVal()));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "services.{0}.{1} is refused")
    @CsvSource({"beneficiary-service, calls[0], session-service", "gateway, httpPort, 8000", "session-service, grpcPort, 9000",
        "gateway, managementPort, 9001"})
    void aTopologyKeyInTheValuesIsRefusedNamingTheTopologyFile(String service, String key, String value) {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services." + service + "." + key, value)))
                .hasMessageContaining("services." + service + "." + key.replace("[0]", "") + " moved to the chart's files/topology.yaml");
    }

    @Test
    void aServicesDeadlinesReachItAsBilanClientsKeys() {
        var objects = Chart.parse(Chart.template(VALID, Map.of("services.beneficiary-service.clients.synthesis.deadline", "12s",
                "services.beneficiary-service.clients.directory.deadline", "3s",
                "services.retention-service.clients.session.deadline", "4s")));
        Map<String, Map<String, String>> deadlines = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            deadlines.put(container.getName(), env(container).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("BILAN_CLIENTS_"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
        assertThat(deadlines.get("beneficiary-service")).isEqualTo(Map.of("BILAN_CLIENTS_SYNTHESIS_DEADLINE", "12s",
                "BILAN_CLIENTS_DIRECTORY_DEADLINE", "3s"));
        assertThat(deadlines.get("retention-service")).isEqualTo(Map.of("BILAN_CLIENTS_SESSION_DEADLINE", "4s"));
        assertThat(deadlines.get("session-service")).isEmpty();
        assertThat(deadlines.get("gateway")).isEmpty();
    }

    @Test
    void aDeadlineForATargetTheServiceDoesNotCallIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services.session-service.clients.synthesis.deadline", "5s")))
                .hasMessageContaining("services.session-service.clients.synthesis: session-service does not call synthesis "
                        + "(its targets: retention, beneficiary, notification, quality; files/topology.yaml)");
    }

    @ParameterizedTest
    @CsvSource({"BILAN_SYNTHESIS_CALLTIMEOUT", "BILAN_BENEFICIARY_CALL_TIMEOUT", "BILAN_RETENTION_CALLTIMEOUT",
        "BILAN_DIRECTORY_CALLTIMEOUT"})
    void aFormerCallTimeoutVariableIsRefusedNamingTheNewKey(String variable) {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services.synthesis-service.env." + variable, "5s")))
                .hasMessageContaining("services.synthesis-service.env." + variable
                        + " was replaced by services.synthesis-service.clients.<target>.deadline");
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b));
    }
}
