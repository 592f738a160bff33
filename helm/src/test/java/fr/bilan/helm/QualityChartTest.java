package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * quality-service's place in the chart: the API's public address its survey links and published pages
 * start with (a value, else the Ingress' host, else no install), its own database and the centres'
 * settings, the deadlines of its calls and of session-service's calls to it, and a NetworkPolicy that
 * lets in only the gateway and session-service and lets it out only to what it calls.
 */
class QualityChartTest {

    private static final String SERVICE = "quality-service";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // given as a value
        "default-values.yaml, https://api.example.fr",
        // the trailing slash left out: the service appends the pages' paths
        "minimal-values.yaml, https://bilan.test/plateforme",
        // empty: the Ingress' host, in https
        "production-values.yaml, https://api.reseau-bilan.fr"})
    void thePublicAddressIsTheValueElseTheIngresssHost(String valuesFile, String url) {
        assertThat(Chart.values(Chart.env(Chart.render(valuesFile), SERVICE))).containsEntry("BILAN_QUALITY_PUBLICURL", url);
    }

    @Test
    void theIngresssPathIsPartOfTheDerivedAddressAndAValueWinsOverIt() {
        assertThat(Chart.values(Chart.env(Chart.parse(Chart.template("production-values.yaml", Map.of("gateway.ingress.path", "/bilan/"))),
                SERVICE))).containsEntry("BILAN_QUALITY_PUBLICURL", "https://api.reseau-bilan.fr/bilan");
        assertThat(Chart.values(Chart.env(Chart.parse(Chart.template("production-values.yaml",
                Map.of("quality.publicUrl", "https://bilan.reseau-bilan.fr"))), SERVICE)))
                .containsEntry("BILAN_QUALITY_PUBLICURL", "https://bilan.reseau-bilan.fr");
    }

    @Test
    void withoutAnAddressNorAnIngressTheChartRefusesToRenderUnlessTheServiceIsOff() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("quality.publicUrl", "")))
                .hasMessageContaining("quality.publicUrl is required: the API's public base URL");
        // an Ingress that is not rendered says nothing of the address
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("quality.publicUrl", "",
                "gateway.ingress.host", "api.example.fr"))).hasMessageContaining("quality.publicUrl is required");
        String without = Chart.template("default-values.yaml", Map.of("quality.publicUrl", "",
                "services.quality-service.enabled", "false", "mongodb.services.quality-service.existingSecret", "x"));
        assertThat(without).doesNotContain("BILAN_QUALITY_PUBLICURL");
        assertThat(Chart.ofKind(Chart.parse(without), Deployment.class)).extracting(d -> d.getMetadata().getName())
                .isNotEmpty().doesNotContain("bilan-" + SERVICE);
    }

    /**
     * The survey links' key comes from a Secret, never from the values: the links it derives open the
     * surveys, and without it quality-service refuses to start, so the chart refuses to render first.
     */
    @Test
    void theSurveyLinksKeyIsReadFromItsSecretAndRequired() {
        String rendered = Chart.template("production-values.yaml", Map.of());
        assertThat(rendered).contains("name: BILAN_QUALITY_SURVEYS_LINK_KEY")
                .contains("name: bilan-quality-survey-links").contains("key: link-key");
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("quality.surveyLinkKey.existingSecret", "")))
                .hasMessageContaining("quality.surveyLinkKey.existingSecret is required");
    }

    /** The gateway's stricter budget on the survey pages is the operator's to set, like its other limits. */
    @Test
    void theSurveyPagesBudgetIsAValueOfTheGateway() {
        assertThat(Chart.values(Chart.env(Chart.render("default-values.yaml"), "gateway")))
                .containsEntry("BILAN_GATEWAY_RATELIMIT_PAGES_PERCLIENTIP", "30")
                .containsEntry("BILAN_GATEWAY_RATELIMIT_PAGES_PERIOD", "1m");
        assertThat(Chart.values(Chart.env(Chart.parse(Chart.template("default-values.yaml",
                Map.of("gateway.rateLimit.pages.perClientIp", "10"))), "gateway")))
                .containsEntry("BILAN_GATEWAY_RATELIMIT_PAGES_PERCLIENTIP", "10");
    }

    /** One source of the address: a variable of its own would render a second, conflicting entry. */
    @Test
    void theAddressIsAValueNotAVariableOfTheService() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("services.quality-service.env.BILAN_QUALITY_PUBLICURL", "https://ailleurs.example.fr")))
                .hasMessageContaining("services.quality-service.env.BILAN_QUALITY_PUBLICURL: the chart sets it from quality.publicUrl");
    }

    @Test
    void noOtherComponentIsGivenTheAddress() {
        assertThat(Chart.otherComponentsEnv(Chart.render("production-values.yaml"), SERVICE)).hasSize(Topology.services().size() - 1)
                .allSatisfy((component, names) -> assertThat(names).as(component).noneMatch(name -> name.startsWith("BILAN_QUALITY_")));
    }

    /** Its own user and database, the services' client, the centres' settings; no directory, no bucket, no relay. */
    @Test
    void itsDatabaseIsItsOwnAndItReadsTheCentresButNoDirectoryBucketOrRelay() {
        Map<String, EnvVar> env = Chart.env(Chart.render("production-values.yaml"), SERVICE);
        assertThat(env.get("SPRING_MONGODB_URI").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName() + "/" + ref.getKey()).isEqualTo("bilan-mongodb-quality/connection-string"));
        assertThat(Chart.values(env)).containsEntry("SPRING_MONGODB_DATABASE", "bilan-quality-service")
                .containsEntry("SPRING_GRPC_SERVER_PORT", String.valueOf(Topology.port(SERVICE, "grpcPort")))
                .containsEntry("SERVER_PORT", String.valueOf(Topology.port(SERVICE, "httpPort")))
                .containsKey("SPRING_APPLICATION_JSON");
        assertThat(env.get("BILAN_OIDC_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName()).isEqualTo("bilan-oidc");
        assertThat(env.keySet()).doesNotContain("BILAN_DIRECTORY_CLIENT_SECRET", "SPRING_MAIL_HOST")
                .noneMatch(name -> name.startsWith("BILAN_STORAGE_S3_"));
    }

    @Test
    void itsDeadlinesAndItsCallersDeadlinesReachThemAndADirectoryDeadlineIsRefused() {
        List<HasMetadata> objects = Chart.parse(Chart.template("default-values.yaml", Map.of(
                "services.session-service.clients.quality.deadline", "3s",
                "services.quality-service.clients.notification.deadline", "4s",
                "services.quality-service.clients.beneficiary.deadline", "2s")));
        assertThat(Chart.values(Chart.env(objects, "session-service"))).containsEntry("BILAN_CLIENTS_QUALITY_DEADLINE", "3s");
        assertThat(Chart.values(Chart.env(objects, SERVICE))).containsEntry("BILAN_CLIENTS_NOTIFICATION_DEADLINE", "4s")
                .containsEntry("BILAN_CLIENTS_BENEFICIARY_DEADLINE", "2s");
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("services.quality-service.clients.directory.deadline", "5s")))
                .hasMessageContaining("services.quality-service.clients.directory: quality-service does not call directory "
                        + "(its targets: beneficiary, notification, synthesis; files/topology.yaml)");
    }

    /**
     * In: the gateway, session- and retention-service on its gRPC port. Out: DNS, beneficiary-, notification-
     * and synthesis-service, Keycloak, MongoDB, the collector.
     */
    @Test
    void itsPolicyLetsInItsCallersAndOutToWhatItCallsOnly() {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        NetworkPolicy own = NotificationChartTest.policy(objects, SERVICE);
        Set<String> callers = new HashSet<>();
        for (NetworkPolicyIngressRule rule : own.getSpec().getIngress()) {
            if (rule.getPorts().stream().anyMatch(p -> "grpc".equals(p.getPort().getStrVal()))) {
                rule.getFrom().forEach(peer -> callers.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component")));
            }
        }
        assertThat(callers).containsExactlyInAnyOrder("gateway", "session-service", "retention-service");
        assertThat(own.getSpec().getEgress()).extracting(NotificationChartTest::ports).containsExactlyInAnyOrder(Set.of(53),
                Set.of(Topology.port("beneficiary-service", "grpcPort")), Set.of(Topology.port("notification-service", "grpcPort")),
                Set.of(Topology.port("synthesis-service", "grpcPort")), Set.of(8080), Set.of(27017), Set.of(4318));
        assertThat(own.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getTo)
                .filteredOn(QualityChartTest::isComponent)
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))
                .containsExactlyInAnyOrder("beneficiary-service", "notification-service", "synthesis-service");
    }

    private static boolean isComponent(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                && peer.getPodSelector().getMatchLabels().containsKey("app.kubernetes.io/component");
    }
}
