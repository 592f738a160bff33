package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The gateway's actuator is never on the way of the Ingress: it has a port and a Service of its own,
 * which Prometheus, the probes and the helm test use, and the ingress controller cannot reach; and
 * the helm test checks every component's readiness on that port.
 */
class GatewayEdgeManifestsTest {

    static Stream<String> valueFiles() {
        return Chart.ciValueFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void theGatewaysApiAndActuatorHaveAPortAndAServiceEach(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        Container gateway = RenderedManifestsTest.container(deployment(objects, "bilan-gateway"));
        Map<String, Integer> ports = gateway.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));

        assertThat(ports).containsOnlyKeys("api", "management");
        assertThat(ports.get("api")).isEqualTo(Integer.parseInt(env(gateway, "SERVER_PORT")));
        assertThat(ports.get("management")).isEqualTo(Integer.parseInt(env(gateway, "MANAGEMENT_SERVER_PORT")))
                .isNotEqualTo(ports.get("api"));
        for (Probe probe : RenderedManifestsTest.probes(gateway)) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        List<Service> services = Chart.ofKind(objects, Service.class);
        assertThat(targetPorts(RenderedManifestsTest.named(services, "bilan-gateway")))
                .containsExactly("api");
        assertThat(targetPorts(RenderedManifestsTest.named(services, "bilan-gateway-management")))
                .containsExactly("management");
    }

    @Test
    void theIngressRoutesToTheApiPortOnlyAndTheGatewayTrustsTheIngressControllersForwardedHeaders() {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        Ingress ingress = Chart.ofKind(objects, Ingress.class).get(0);
        var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        Service routed = RenderedManifestsTest.named(Chart.ofKind(objects, Service.class), backend.getName());
        ServicePort port = routed.getSpec().getPorts().stream()
                .filter(p -> p.getName().equals(backend.getPort().getName())).findFirst().orElseThrow();

        assertThat(routed.getSpec().getPorts()).hasSize(1);
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("api");
        Container gateway = RenderedManifestsTest.container(deployment(objects, "bilan-gateway"));
        assertThat(env(gateway, "BILAN_GATEWAY_TRUSTEDPROXIES")).isEqualTo("10.42.0.0/16");
    }

    @Test
    void withoutTrustedProxiesTheGatewayIsToldNone() {
        Container gateway = RenderedManifestsTest.container(deployment(Chart.render("default-values.yaml"),
                "bilan-gateway"));

        assertThat(gateway.getEnv()).noneMatch(e -> e.getName().equals("BILAN_GATEWAY_TRUSTEDPROXIES"));
    }

    @Test
    void prometheusScrapesTheActuatorPortsAndNeverTheApi() {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        String monitor = Serialization.asYaml(ProfilesTest.generic(objects, "ServiceMonitor")).replace("\"", "");
        Set<String> scraped = new HashSet<>();
        monitor.lines().map(String::strip).filter(l -> l.startsWith("- port: ") || l.startsWith("port: "))
                .forEach(l -> scraped.add(l.substring(l.indexOf("port: ") + 6)));

        assertThat(scraped).containsExactlyInAnyOrder("http", "management");
        // every port the monitor scrapes is an actuator: a service's http, the gateway's management
        for (Service service : Chart.ofKind(objects, Service.class)) {
            for (ServicePort port : service.getSpec().getPorts()) {
                if (scraped.contains(port.getName())) {
                    assertThat(port.getTargetPort().getStrVal()).as(service.getMetadata().getName())
                            .isIn("management", "http");
                    assertThat(service.getMetadata().getName()).isNotEqualTo("bilan-gateway");
                }
            }
        }
        Map<String, Map<String, Set<String>>> policies = portsByPeer(objects);
        assertThat(policies.get("gateway")).containsEntry("ingress-controller", Set.of("api"))
                .containsEntry("prometheus", Set.of("management"));
        for (String service : List.of("beneficiary-service", "session-service", "synthesis-service",
                "retention-service", "notification-service", "quality-service")) {
            assertThat(policies.get(service)).doesNotContainKey("ingress-controller")
                    .containsEntry("prometheus", Set.of("http"));
        }
    }

    @Test
    void theHelmTestAsksEveryComponentForItsReadinessOnItsManagementPortFromAHardenedPod() {
        List<HasMetadata> objects = new ArrayList<>(Chart.render("production-values.yaml"));
        objects.addAll(Chart.hooks("production-values.yaml", Map.of()));
        Pod test = Chart.ofKind(objects, Pod.class).stream()
                .filter(p -> p.getMetadata().getAnnotations() != null
                        && "test".equals(p.getMetadata().getAnnotations().get(Chart.HOOK)))
                .findFirst().orElseThrow(() -> new AssertionError("no helm test Pod"));
        var spec = test.getSpec();
        Container container = spec.getContainers().get(0);

        assertThat(spec.getRestartPolicy()).isEqualTo("Never");
        assertThat(spec.getAutomountServiceAccountToken()).isFalse();
        assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(String.join("\n", container.getCommand())).contains("wget", "\"status\":\"UP\"", "exit");

        // one URL per component: its actuator Service and port, as rendered
        Set<String> expected = new HashSet<>();
        for (Service service : Chart.ofKind(objects, Service.class)) {
            for (ServicePort port : service.getSpec().getPorts()) {
                if (Set.of("http", "management").contains(port.getName())) {
                    expected.add("http://" + service.getMetadata().getName() + "." + Chart.NAMESPACE
                            + ".svc.cluster.local:" + port.getPort() + "/actuator/health/readiness");
                }
            }
        }
        assertThat(expected).hasSize(Topology.services().size());
        assertThat(container.getArgs()).containsExactlyInAnyOrderElementsOf(expected);

        // out: DNS and the actuator ports only; in: each component lets it reach that port only
        NetworkPolicy own = Chart.ofKind(objects, NetworkPolicy.class).stream()
                .filter(p -> RenderedManifestsTest.matches(p.getSpec().getPodSelector(), test.getMetadata().getLabels()))
                .filter(p -> !p.getSpec().getEgress().isEmpty()).findFirst().orElseThrow();
        assertThat(own.getMetadata().getAnnotations()).containsEntry(Chart.HOOK, "test");
        assertThat(own.getSpec().getIngress()).isEmpty();
        Set<String> egressPorts = new HashSet<>();
        own.getSpec().getEgress().forEach(rule -> rule.getPorts().forEach(p -> egressPorts.add(
                p.getPort().getStrVal() != null ? p.getPort().getStrVal() : String.valueOf(p.getPort().getIntVal()))));
        assertThat(egressPorts).containsExactlyInAnyOrder("53", "http", "management");
        Map<String, Map<String, Set<String>>> policies = portsByPeer(objects);
        assertThat(policies).hasSize(Topology.services().size()).allSatisfy((service, peers) -> assertThat(peers)
                .containsEntry("helm-test", Set.of(service.equals("gateway") ? "management" : "http")));
    }

    @Test
    void theHelmTestCanBeLeftOut() {
        assertThat(Chart.hooks("default-values.yaml", Map.of())).extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder("NetworkPolicy", "Pod");
        List<HasMetadata> objects = Chart.parse(Chart.template("default-values.yaml", Map.of("tests.enabled", "false")));

        assertThat(Chart.hooks("default-values.yaml", Map.of("tests.enabled", "false"))).isEmpty();
        assertThat(portsByPeer(objects).values()).allSatisfy(peers -> assertThat(peers).doesNotContainKey("helm-test"));
    }

    /** Per component, the ports each kind of peer may reach: ingress-controller, prometheus, helm-test, or a caller. */
    private static Map<String, Map<String, Set<String>>> portsByPeer(List<HasMetadata> objects) {
        Map<String, Map<String, Set<String>>> byComponent = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            String component = labels.get("app.kubernetes.io/component");
            Map<String, Set<String>> peers = new HashMap<>();
            for (NetworkPolicy policy : Chart.ofKind(objects, NetworkPolicy.class)) {
                if (!RenderedManifestsTest.matches(policy.getSpec().getPodSelector(), labels)) {
                    continue;
                }
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        Set<String> ports = peers.computeIfAbsent(peerName(peer), name -> new HashSet<>());
                        rule.getPorts().stream().map(NetworkPolicyPort::getPort).forEach(p -> ports.add(p.getStrVal()));
                    }
                }
            }
            byComponent.put(component, peers);
        }
        return byComponent;
    }

    private static String peerName(NetworkPolicyPeer peer) {
        if (peer.getNamespaceSelector() != null) {
            String namespace = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
            return "monitoring".equals(namespace) ? "prometheus" : "ingress-nginx".equals(namespace)
                    ? "ingress-controller" : namespace;
        }
        return peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component");
    }

    private static List<String> targetPorts(Service service) {
        return service.getSpec().getPorts().stream().map(p -> p.getTargetPort().getStrVal()).toList();
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return RenderedManifestsTest.named(Chart.ofKind(objects, Deployment.class), name);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
