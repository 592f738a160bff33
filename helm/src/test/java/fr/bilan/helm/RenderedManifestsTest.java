package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/** Lint and render the chart with every values file of ci/, and check the manifests as typed objects. */
class RenderedManifestsTest {

    /** Who calls whom: the chart's files/topology.yaml, which the launcher and the integration suite read too. */
    static final Map<String, Set<String>> CALLS = calls();

    private static Map<String, Set<String>> calls() {
        Map<String, Set<String>> calls = new HashMap<>();
        Topology.services().keySet().forEach(component -> calls.put(component, Set.copyOf(Topology.calls(component))));
        return Map.copyOf(calls);
    }

    /** Env names that look like secrets but hold public settings. */
    static final Set<String> PUBLIC_SETTINGS = Set.of("BILAN_OIDC_JWKSURI", "BILAN_OIDC_TOKENURI",
            "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID", "BILAN_DIRECTORY_REALMADMINURI");
    /** The ids of the master-key keyring: public, their keys are not. */
    static final Pattern MASTER_KEY_ID = Pattern.compile("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_\\d+_ID");
    static final Pattern SECRET_LIKE = Pattern.compile("SECRET|PASSWORD|KEY|URI|TOKEN|CREDENTIAL");

    static Stream<String> valueFiles() {
        return Chart.ciValueFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void lintStrictPasses(String valuesFile) {
        LintResult result = Chart.lint(valuesFile);
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void everyServiceHasItsObjects(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        for (String service : CALLS.keySet()) {
            String name = "bilan-" + service;
            assertThat(names(objects, "Deployment")).contains(name);
            assertThat(names(objects, "ServiceAccount")).contains(name);
            assertThat(names(objects, "Service")).contains(name);
            if (!service.equals("gateway")) {
                Service headless = named(Chart.ofKind(objects, Service.class), name + "-headless");
                assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
                assertThat(headless.getSpec().getPorts()).extracting(ServicePort::getName).containsExactly("grpc");
            }
        }
        assertThat(Chart.ofKind(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class))
                .allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void deploymentsSelectTheirPodsAndAServiceSelectsThem(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        List<Service> services = Chart.ofKind(objects, Service.class);
        List<Deployment> deployments = Chart.ofKind(objects, Deployment.class);
        assertThat(deployments).hasSize(Topology.services().size());
        for (Deployment deployment : deployments) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(matches(deployment.getSpec().getSelector(), podLabels)).as(name(deployment)).isTrue();
            assertThat(services).as("a Service selecting %s", name(deployment))
                    .anyMatch(s -> !s.getSpec().getSelector().isEmpty() && podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()));
        }
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void namedPortsOfServicesAndProbesExist(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Container container = container(deployment);
            Set<String> names = new HashSet<>();
            Set<Integer> numbers = new HashSet<>();
            for (ContainerPort port : container.getPorts()) {
                names.add(port.getName());
                numbers.add(port.getContainerPort());
            }
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (Service service : Chart.ofKind(objects, Service.class)) {
                if (podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
                    for (ServicePort port : service.getSpec().getPorts()) {
                        assertPortExists(port.getTargetPort(), names, numbers, name(service));
                    }
                }
            }
            for (Probe probe : probes(container)) {
                IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                        : new IntOrString(probe.getGrpc().getPort());
                assertPortExists(port, names, numbers, name(deployment) + " probe");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void containersHaveProbesResourcesAndSecurityContexts(String valuesFile) {
        for (Deployment deployment : Chart.ofKind(Chart.render(valuesFile), Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getFsGroup()).isNotNull();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(25L + 10L);
            for (Container container : pod.getContainers()) {
                String what = name(deployment) + "/" + container.getName();
                assertThat(container.getStartupProbe()).as(what).isNotNull();
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
                assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what).containsKey("memory");
                var security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem()).as(what).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(what).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(what).containsExactly("ALL");
                assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
                assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).startsWith("sleep");
                if (!container.getName().equals("gateway")) {
                    assertThat(container.getStartupProbe().getGrpc().getPort())
                            .isEqualTo(container.getPorts().stream().filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow().getContainerPort());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void noSecretValueIsRendered(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        assertThat(objects).extracting(HasMetadata::getKind).doesNotContain("Secret");
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Container container = container(deployment);
            for (EnvVar env : container.getEnv()) {
                if (SECRET_LIKE.matcher(env.getName()).find() && !PUBLIC_SETTINGS.contains(env.getName())
                        && !MASTER_KEY_ID.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as("%s %s has a literal value", name(deployment), env.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
                }
            }
            Map<String, EnvVar> byName = new HashMap<>();
            container.getEnv().forEach(e -> byName.put(e.getName(), e));
            if (!container.getName().equals("gateway")) {
                assertThat(byName.get("SPRING_MONGODB_URI").getValueFrom().getSecretKeyRef().getName()).isNotBlank();
                assertThat(byName.get("BILAN_OIDC_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName()).isNotBlank();
            }
            // the directory's secret (a client that may view every user) goes to the services that read
            // logins alone: beneficiary-service (links, assignments), notification-service (staff's addresses)
            boolean directoryReader = Set.of("beneficiary-service", "notification-service").contains(container.getName());
            assertThat(byName.containsKey("BILAN_DIRECTORY_CLIENT_SECRET")).as("%s has the directory's secret",
                    name(deployment)).isEqualTo(directoryReader);
            if (directoryReader) {
                assertThat(byName.get("BILAN_DIRECTORY_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName())
                        .isNotBlank();
                assertThat(byName.get("BILAN_DIRECTORY_REALMADMINURI").getValue()).matches("https?://.+/admin/realms/bilan");
            }
                        // the object store's keys go to the one service that holds objects, and to no other
            assertThat(byName.keySet()).as("%s has S3 settings", name(deployment))
                    .matches(names -> names.stream().anyMatch(n -> n.startsWith("BILAN_STORAGE_S3_"))
                            == container.getName().equals("synthesis-service"));
            if (container.getName().equals("synthesis-service")) {
                assertThat(byName.get("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_KEY").getValueFrom().getSecretKeyRef()).isNotNull();
                assertThat(byName.get("BILAN_STORAGE_S3_SECRETKEY").getValueFrom().getSecretKeyRef()).isNotNull();
                assertThat(byName.get("BILAN_STORAGE_S3_BUCKET").getValue()).isEqualTo("bilan-synthesis");
            }
        }
        // the realm file travels without its demo users (the clients' service accounts stay, with
        // their roles) and with its client secrets left placeholders
        objects.stream().filter(o -> o.getMetadata().getName().endsWith("-keycloak-realm")).forEach(o -> {
            String realm = ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData().get("bilan-realm.json");
            assertThat(realm).contains("\"realm\": \"bilan\"", "${BILAN_SERVICES_CLIENT_SECRET}")
                    .contains("\"bilan-services\"", "\"username\": \"service-account-bilan-services\"")
                    .doesNotContain("\"credentials\"", "\"username\": \"consultant\"", "\"bilan-cli\"");
        });
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void grpcClientsTargetTheHeadlessServicesOfTheirCallees(String valuesFile) {
        for (Deployment deployment : Chart.ofKind(Chart.render(valuesFile), Deployment.class)) {
            Container container = container(deployment);
            Map<String, String> targets = new HashMap<>();
            for (EnvVar env : container.getEnv()) {
                if (env.getName().matches("SPRING_GRPC_CLIENT_CHANNEL_[A-Z]+_TARGET")) {
                    targets.put(env.getName(), env.getValue());
                }
            }
            // each callee of the topology over its channel, at its gRPC port
            Map<String, String> expected = new HashMap<>();
            for (String callee : CALLS.get(container.getName())) {
                expected.put("SPRING_GRPC_CLIENT_CHANNEL_" + Topology.channel(callee).toUpperCase() + "_TARGET",
                        "dns:///bilan-" + callee + "-headless." + Chart.NAMESPACE + ".svc.cluster.local:"
                                + Topology.port(callee, "grpcPort"));
            }
            assertThat(targets).as(container.getName()).isEqualTo(expected);
            if (!container.getName().equals("gateway")) {
                assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("SPRING_GRPC_SERVER_KEEPALIVE_CONNECTION_MAXAGE")
                        && e.getValue().equals("5m"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void networkPoliciesDenyByDefaultAndLetOnlyTheRealCallersIn(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);
        List<NetworkPolicy> policies = Chart.ofKind(objects, NetworkPolicy.class);
        if (valuesFile.startsWith("minimal")) {
            assertThat(policies).isEmpty();
            return;
        }
        List<NetworkPolicy> denies = policies.stream().filter(p -> p.getSpec().getIngress().isEmpty()
                && p.getSpec().getEgress().isEmpty()).toList();
        assertThat(denies).hasSize(1);
        assertThat(denies.get(0).getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        Map<String, Map<String, String>> podLabels = new HashMap<>();
        Chart.ofKind(objects, Deployment.class).forEach(d -> podLabels.put(container(d).getName(),
                d.getSpec().getTemplate().getMetadata().getLabels()));
        for (var pod : podLabels.entrySet()) {
            String service = pod.getKey();
            assertThat(matches(denies.get(0).getSpec().getPodSelector(), pod.getValue())).as(service).isTrue();
            List<NetworkPolicy> allows = policies.stream().filter(p -> !denies.contains(p)
                    && matches(p.getSpec().getPodSelector(), pod.getValue())).toList();
            assertThat(allows).as("allow policies of %s", service).hasSize(1);
            NetworkPolicy allow = allows.get(0);
            // who reaches its gRPC port: exactly the services that call it
            Set<String> callers = new HashSet<>();
            boolean fromOtherNamespaces = false;
            for (NetworkPolicyIngressRule rule : allow.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as("a rule without from lets everybody in").isNotEmpty();
                assertThat(rule.getPorts()).as("a rule without ports opens every port").isNotEmpty();
                boolean grpc = rule.getPorts().stream().map(NetworkPolicyPort::getPort).anyMatch(p -> "grpc".equals(p.getStrVal()));
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getNamespaceSelector() != null) {
                        fromOtherNamespaces = true;
                        assertThat(grpc).as("%s: another namespace reaches the gRPC port", service).isFalse();
                    } else if (grpc) {
                        callers.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"));
                    }
                }
            }
            Set<String> expected = new HashSet<>();
            CALLS.forEach((caller, callees) -> {
                if (callees.contains(service)) {
                    expected.add(caller);
                }
            });
            assertThat(callers).as("callers of %s", service).isEqualTo(expected);
            if (service.equals("gateway")) {
                assertThat(fromOtherNamespaces).as("the ingress controller reaches the gateway").isTrue();
            }
            // where it may go: DNS, its callees' gRPC ports, and the external dependencies, never anywhere
            Set<String> egressTo = new HashSet<>();
            for (var rule : allow.getSpec().getEgress()) {
                assertThat(rule.getTo()).as("%s: egress without to", service).isNotEmpty();
                assertThat(rule.getPorts()).as("%s: egress without ports", service).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && peer.getPodSelector().getMatchLabels().containsKey("app.kubernetes.io/component")) {
                        egressTo.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"));
                    }
                }
            }
            assertThat(egressTo).as("services %s may call", service).isEqualTo(CALLS.get(service));
            assertThat(allow.getSpec().getEgress()).anyMatch(r -> r.getPorts().stream()
                    .anyMatch(p -> "UDP".equals(p.getProtocol()) && Objects.equals(p.getPort().getIntVal(), 53)));
            boolean mongo = allow.getSpec().getEgress().stream().anyMatch(r -> r.getPorts().stream()
                    .anyMatch(p -> Objects.equals(p.getPort().getIntVal(), 27017)));
            assertThat(mongo).as("%s reaches MongoDB", service).isEqualTo(!service.equals("gateway"));
            boolean objectStore = allow.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream())
                    .anyMatch(RenderedManifestsTest::isObjectStore);
            assertThat(objectStore).as("%s reaches the object store", service).isEqualTo(service.equals("synthesis-service"));
        }
    }

    static void assertPortExists(IntOrString port, Set<String> names, Set<Integer> numbers, String what) {
        if (port.getStrVal() != null) {
            assertThat(names).as("%s refers to port %s", what, port.getStrVal()).contains(port.getStrVal());
        } else {
            assertThat(numbers).as("%s refers to port %s", what, port.getIntVal()).contains(port.getIntVal());
        }
    }

    static List<Probe> probes(Container container) {
        List<Probe> probes = new ArrayList<>();
        probes.add(container.getStartupProbe());
        probes.add(container.getLivenessProbe());
        probes.add(container.getReadinessProbe());
        return probes;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("only matchLabels are used").isNullOrEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    /** A peer naming the object store as the ci value files place it (a namespace, or a CIDR). */
    static boolean isObjectStore(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null
                && "storage".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                || peer.getIpBlock() != null && "10.30.0.0/24".equals(peer.getIpBlock().getCidr());
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static String name(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    static List<String> names(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).map(o -> o.getMetadata().getName()).toList();
    }

    static <T extends HasMetadata> T named(List<T> objects, String name) {
        return objects.stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + name));
    }
}
