package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/** What each ci values file turns on or off. */
class ProfilesTest {

    @Test
    void productionHasIngressWithTlsAutoscalingAndMonitoring() {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        Ingress ingress = Chart.ofKind(objects, Ingress.class).get(0);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("api-reseau-bilan-fr-tls");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("api.reseau-bilan.fr");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                .isEqualTo("bilan-gateway");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");

        List<HorizontalPodAutoscaler> hpas = Chart.ofKind(objects, HorizontalPodAutoscaler.class);
        assertThat(hpas).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("bilan-gateway", "bilan-beneficiary-service", "bilan-session-service", "bilan-synthesis-service");
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            boolean scaled = hpas.stream().anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()));
            assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isEqualTo(scaled ? null : 2);
            // hard across nodes, soft across zones: a cluster whose nodes carry no zone label still schedules
            assertThat(spread(deployment)).containsOnly(Map.entry("kubernetes.io/hostname", "DoNotSchedule"),
                    Map.entry("topology.kubernetes.io/zone", "ScheduleAnyway"));
        }
        Deployment retention = Chart.ofKind(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("bilan-retention-service")).findFirst().orElseThrow();
        assertThat(retention.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.reseau-bilan.fr/bilan/retention-service:0.1.0-hotfix1");
        Deployment gateway = Chart.ofKind(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("bilan-gateway")).findFirst().orElseThrow();
        assertThat(gateway.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anyMatch(e -> e.getName().equals("BILAN_GATEWAY_CORS_ALLOWEDORIGINS")
                        && e.getValue().equals("https://consultants.reseau-bilan.fr,https://mon-bilan.reseau-bilan.fr"))
                .anyMatch(e -> e.getName().equals("BILAN_GATEWAY_RATELIMIT_PERUSER") && e.getValue().equals("30"))
                .anyMatch(e -> e.getName().equals("BILAN_OIDC_ISSUER") && e.getValue().equals("https://auth.reseau-bilan.fr/realms/bilan"));
        // JSON logs with trace ids, and spans sent to the collector, from every component
        assertThat(Chart.ofKind(objects, Deployment.class)).hasSize(Topology.services().size()).allSatisfy(deployment ->
                assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                        .anyMatch(e -> e.getName().equals("LOGGING_STRUCTURED_FORMAT_CONSOLE") && e.getValue().equals("ecs"))
                        .anyMatch(e -> e.getName().equals("MANAGEMENT_TRACING_SAMPLING_PROBABILITY")
                                && e.getValue().equals("0.05"))
                        .anyMatch(e -> e.getName().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                                && e.getValue().equals("http://otel-collector.observability:4318/v1/traces")));

        GenericKubernetesResource monitor = generic(objects, "ServiceMonitor");
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(Serialization.asYaml(monitor).replace("\"", "")).contains("path: /actuator/prometheus", "port: http", "release: kube-prometheus-stack");
        String rules = Serialization.asYaml(generic(objects, "PrometheusRule")).replace("\"", "");
        assertThat(rules).contains("BilanRetentionDocumentsOverdue", "bilan_retention_documents_overdue", "for: 1h",
                "bilan_retention_purge_last_success", "26 * 3600", "bilan_outbox_oldest_pending_age_seconds",
                "grpc_server_seconds_count", "kube_pod_status_ready");
        ConfigMap dashboard = Chart.ofKind(objects, ConfigMap.class).stream()
                .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).findFirst().orElseThrow();
        Map<?, ?> json = Serialization.unmarshal(dashboard.getData().get("bilan.json"), Map.class);
        assertThat(json.get("title")).isEqualTo("Bilan platform");
        assertThat((List<?>) json.get("panels")).hasSizeGreaterThan(5);
    }

    @Test
    void defaultsHaveNoIngressNoAutoscalingNoMonitoringButDisruptionBudgets() {
        List<HasMetadata> objects = Chart.render("default-values.yaml");
        assertThat(objects).extracting(HasMetadata::getKind)
                .doesNotContain("Ingress", "HorizontalPodAutoscaler", "ServiceMonitor", "PrometheusRule");
        assertThat(Chart.ofKind(objects, PodDisruptionBudget.class)).hasSize(Topology.services().size())
                .allMatch(p -> p.getSpec().getMaxUnavailable().getIntVal() == 1);
        // no span leaves the pods unless a collector is named
        assertThat(Chart.ofKind(objects, Deployment.class)).noneMatch(d -> d.getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")));
        assertThat(Chart.ofKind(objects, Deployment.class)).allMatch(d -> d.getSpec().getReplicas() == 2)
                .allMatch(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                        .matches("ghcr\\.io/bilan/[a-z-]+:0\\.1\\.0"));
    }

    @Test
    void minimalHasOneReplicaNoPolicyNoBudgetNoRealm() {
        List<HasMetadata> objects = Chart.render("minimal-values.yaml");
        assertThat(objects).extracting(HasMetadata::getKind).doesNotContain("NetworkPolicy", "PodDisruptionBudget", "ConfigMap");
        assertThat(Chart.ofKind(objects, Deployment.class)).allMatch(d -> d.getSpec().getReplicas() == 1)
                .allMatch(d -> d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty())
                .allMatch(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                        .startsWith("registry.internal:5000/bilan/") && d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":0.1.0-rc1"));
    }

    @Test
    void zonesAndNodesAreSpreadSoftlyUnlessAValueMakesEitherHard() {
        assertThat(Chart.ofKind(Chart.render("default-values.yaml"), Deployment.class)).hasSize(Topology.services().size()).allSatisfy(d ->
                assertThat(spread(d)).containsOnly(Map.entry("kubernetes.io/hostname", "ScheduleAnyway"),
                        Map.entry("topology.kubernetes.io/zone", "ScheduleAnyway")));
        List<Deployment> hardZones = Chart.ofKind(Chart.parse(Chart.template("default-values.yaml",
                Map.of("defaults.topologySpread.zoneWhenUnsatisfiable", "DoNotSchedule",
                        "services.gateway.topologySpread.whenUnsatisfiable", "DoNotSchedule"))), Deployment.class);
        assertThat(hardZones).hasSize(Topology.services().size()).allSatisfy(d -> assertThat(spread(d)).containsOnly(
                Map.entry("kubernetes.io/hostname", d.getMetadata().getName().equals("bilan-gateway") ? "DoNotSchedule" : "ScheduleAnyway"),
                Map.entry("topology.kubernetes.io/zone", "DoNotSchedule")));
    }

    /** whenUnsatisfiable by topology key. */
    static Map<String, String> spread(Deployment deployment) {
        Map<String, String> rules = new java.util.HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()
                .forEach(t -> assertThat(rules.put(t.getTopologyKey(), t.getWhenUnsatisfiable())).isNull());
        return rules;
    }

    static GenericKubernetesResource generic(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }
}
