package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;

/** The pods reach the OpenTelemetry collector tracing names, on the endpoint's port, and nothing when it names none. */
class CollectorEgressTest {

    @Test
    void productionReachesItsCollectorFromEveryPodOnTheEndpointsPort() {
        List<NetworkPolicy> allows = allows(Chart.render("production-values.yaml"));
        assertThat(allows).hasSize(Topology.services().size()).allSatisfy(policy -> {
            List<NetworkPolicyEgressRule> rules = collectorRules(policy, 4318);
            assertThat(rules).as(policy.getMetadata().getName()).hasSize(1);
            // http://otel-collector.observability:4318/v1/traces: the namespace observability
            assertThat(rules.get(0).getTo()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "observability"));
                assertThat(peer.getIpBlock()).isNull();
            });
            assertThat(rules.get(0).getPorts()).singleElement()
                    .satisfies(p -> assertThat(p.getProtocol()).isEqualTo("TCP"));
        });
    }

    @Test
    void withoutAnEndpointNoPortIsOpenedForIt() {
        List<NetworkPolicy> allows = allows(Chart.render("default-values.yaml"));
        assertThat(allows).hasSize(Topology.services().size()).allSatisfy(policy -> assertThat(collectorRules(policy, 4318)).isEmpty());
        // nor does a collector's location alone open anything
        allows = allows(Chart.parse(Chart.template("default-values.yaml",
                Map.of("observability.tracing.egress.cidrs[0]", "10.40.0.0/24"))));
        assertThat(allows).allSatisfy(policy -> assertThat(policy.getSpec().getEgress())
                .noneMatch(r -> r.getTo().stream().anyMatch(p -> p.getIpBlock() != null
                        && p.getIpBlock().getCidr().equals("10.40.0.0/24"))));
    }

    @Test
    void theCollectorsLocationValueAndTheUrlsPortOrDefaultPortAreUsed() {
        // an address: its /32; https without a port: 443
        List<NetworkPolicy> allows = allows(Chart.parse(Chart.template("default-values.yaml",
                Map.of("observability.tracing.otlpEndpoint", "https://10.40.0.7/v1/traces"))));
        assertThat(allows).hasSize(Topology.services().size()).allSatisfy(policy -> assertThat(policy.getSpec().getEgress())
                .filteredOn(r -> r.getTo().stream().anyMatch(p -> p.getIpBlock() != null
                        && p.getIpBlock().getCidr().equals("10.40.0.7/32")))
                .singleElement().satisfies(r -> {
                    assertThat(r.getTo()).hasSize(1);
                    assertThat(r.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(443);
                }));
        // an external name with its location given as a value
        allows = allows(Chart.parse(Chart.template("default-values.yaml",
                Map.of("observability.tracing.otlpEndpoint", "http://otel.example.fr:4320/v1/traces",
                        "observability.tracing.egress.cidrs[0]", "10.40.0.0/24"))));
        assertThat(allows).hasSize(Topology.services().size()).allSatisfy(policy -> assertThat(collectorRules(policy, 4320)).singleElement()
                .satisfies(r -> assertThat(r.getTo()).singleElement()
                        .satisfies(p -> assertThat(p.getIpBlock().getCidr()).isEqualTo("10.40.0.0/24"))));
    }

    @Test
    void aCollectorWhoseLocationCannotBeToldIsRefused() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("observability.tracing.otlpEndpoint", "https://otel.example.fr/v1/traces")))
                .hasMessageContaining("observability.tracing.egress: set cidrs, namespaceSelector or podSelector "
                        + "(where the OpenTelemetry collector otel.example.fr is)");
        // without NetworkPolicies there is nothing to open
        assertThat(Chart.template("minimal-values.yaml",
                Map.of("observability.tracing.otlpEndpoint", "https://otel.example.fr/v1/traces"))).contains("kind: Deployment");
    }

    /** The allow policies of the gateway and the services (not the realm Job's: it never traces). */
    static List<NetworkPolicy> allows(List<io.fabric8.kubernetes.api.model.HasMetadata> objects) {
        return Chart.ofKind(objects, NetworkPolicy.class).stream()
                .filter(p -> !p.getSpec().getEgress().isEmpty())
                .filter(p -> !"keycloak-realm-apply".equals(p.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .toList();
    }

    static List<NetworkPolicyEgressRule> collectorRules(NetworkPolicy policy, int port) {
        return policy.getSpec().getEgress().stream().filter(r -> r.getPorts().stream()
                .anyMatch(p -> Objects.equals(p.getPort().getIntVal(), port))).toList();
    }
}
