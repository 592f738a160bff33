package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * notification-service's mail relay: the SMTP values reach its environment as Spring Boot's
 * spring.mail.* and the service's bilan.notification.*, the password from an existing Secret only,
 * never in clear; its NetworkPolicy lets it out to the relay and nowhere else beyond the platform's
 * own dependencies; no other pod may reach the relay.
 */
class NotificationChartTest {

    private static final String SERVICE = "notification-service";

    @Test
    void theNetworksRelayWithStartTlsAndAnAccountFromItsSecret() {
        Map<String, EnvVar> env = Chart.env(Chart.render("production-values.yaml"), SERVICE);
        assertThat(Chart.values(env)).containsEntry("SPRING_MAIL_HOST", "smtp.reseau-bilan.fr")
                .containsEntry("SPRING_MAIL_PORT", "587")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_CHECKSERVERIDENTITY", "true")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true")
                .containsEntry("BILAN_NOTIFICATION_SENDER", "Réseau Bilan de compétences <ne-pas-repondre@reseau-bilan.fr>")
                .containsEntry("BILAN_NOTIFICATION_APPLICATIONURL", "https://mon-bilan.reseau-bilan.fr")
                .containsEntry("BILAN_NOTIFICATION_DELIVERY_RATEPERSECOND", "20")
                .doesNotContainKey("SPRING_MAIL_SSL_ENABLED");
        assertThat(env.get("SPRING_MAIL_USERNAME").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName() + "/" + ref.getKey()).isEqualTo("bilan-smtp/username"));
        assertThat(env.get("SPRING_MAIL_PASSWORD").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName() + "/" + ref.getKey()).isEqualTo("bilan-smtp/password"));
        // staff's addresses from Keycloak's admin API, with the client that may only view users
        assertThat(env.get("BILAN_DIRECTORY_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("bilan-oidc-directory");
        assertThat(Chart.values(env)).containsEntry("BILAN_DIRECTORY_CLIENTID", "bilan-directory");
    }

    @Test
    void noOtherComponentIsGivenTheRelay() {
        assertThat(Chart.otherComponentsEnv(Chart.render("production-values.yaml"), SERVICE)).isNotEmpty()
                .allSatisfy((component, names) -> assertThat(names).as(component)
                        .noneMatch(name -> name.startsWith("SPRING_MAIL_") || name.startsWith("BILAN_NOTIFICATION_")));
    }

    @Test
    void smtpsConnectsWithTlsFromTheStartAndNoneOnlyInClearWithoutAccount() {
        Map<String, String> smtps = Chart.values(Chart.env(Chart.parse(Chart.template("default-values.yaml",
                Map.of("notification.smtp.tls", "smtps", "notification.smtp.port", "465"))), SERVICE));
        assertThat(smtps).containsEntry("SPRING_MAIL_SSL_ENABLED", "true").containsEntry("SPRING_MAIL_PORT", "465")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_CHECKSERVERIDENTITY", "true")
                .doesNotContainKeys("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH");

        Map<String, EnvVar> none = Chart.env(Chart.render("minimal-values.yaml"), SERVICE);
        assertThat(Chart.values(none)).containsEntry("SPRING_MAIL_HOST", "smtp.test").containsEntry("SPRING_MAIL_PORT", "25")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "false")
                .doesNotContainKeys("SPRING_MAIL_SSL_ENABLED", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED",
                        "SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_CHECKSERVERIDENTITY", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH");
        assertThat(none).doesNotContainKeys("SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");

        assertThatThrownBy(() -> Chart.template("minimal-values.yaml", Map.of("notification.smtp.auth.existingSecret", "smtp")))
                .hasMessageContaining("notification.smtp.auth with notification.smtp.tls none would send the relay's password in clear");
    }

    @ParameterizedTest
    @CsvSource({"notification.smtp.host, notification.smtp.host is required",
        "notification.sender, notification.sender is required",
        "notification.applicationUrl, notification.applicationUrl is required"})
    void withoutARelayASenderOrALinkTheChartRefusesToRender(String key, String message) {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of(key, "")))
                .hasMessageContaining(message);
        // not when notification-service is not deployed
        Map<String, Object> disabled = new HashMap<>(Map.of(key, "", "services.notification-service.enabled", "false"));
        assertThat(Chart.template("default-values.yaml", disabled)).doesNotContain("SPRING_MAIL_HOST");
    }

    /** Out: DNS, beneficiary-service, Keycloak, MongoDB, the OpenTelemetry collector, and the relay on its port. */
    @Test
    void itsEgressBeyondThePlatformIsTheRelayOnly() {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        NetworkPolicy own = policy(objects, SERVICE);
        assertThat(own.getSpec().getEgress()).extracting(NotificationChartTest::ports)
                .containsExactlyInAnyOrder(Set.of(53), Set.of(9091), Set.of(8080), Set.of(27017), Set.of(4318), Set.of(587));
        assertThat(rulesTo(own, 587)).singleElement().satisfies(rule -> assertThat(rule.getTo()).singleElement()
                .satisfies(peer -> {
                    assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.60.0.0/28");
                    assertThat(peer.getNamespaceSelector()).isNull();
                }));
        // the relay's port and range are notification-service's alone
        for (NetworkPolicy policy : CollectorEgressTest.allows(objects)) {
            if (!policy.getMetadata().getName().equals("bilan-" + SERVICE)) {
                assertThat(rulesTo(policy, 587)).as(policy.getMetadata().getName()).isEmpty();
                assertThat(policy.getSpec().getEgress()).as(policy.getMetadata().getName())
                        .noneMatch(r -> r.getTo().stream().anyMatch(NotificationChartTest::isRelay));
            }
        }
    }

    @Test
    void theRelaysLocationIsItsAddressItsNamespaceOrAValue() {
        // an IPv4 address: its /32, on the port given
        assertThat(relayPeer(Chart.render("default-values.yaml"), 587).getIpBlock().getCidr()).isEqualTo("10.50.0.25/32");
        assertThat(relayPeer(Chart.parse(Chart.template("default-values.yaml", Map.of("notification.smtp.port", "2525"))), 2525)
                .getIpBlock().getCidr()).isEqualTo("10.50.0.25/32");
        // an in-cluster name: its namespace
        assertThat(relayPeer(Chart.parse(Chart.template("default-values.yaml",
                Map.of("notification.smtp.host", "postfix.mail.svc.cluster.local"))), 587).getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "mail"));
        // an external name: where it is must be said, or every destination would be open on that port
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("notification.smtp.host", "smtp.example.fr")))
                .hasMessageContaining("notification.smtp.egress: set cidrs, namespaceSelector or podSelector (where the mail relay smtp.example.fr is)");
        assertThat(relayPeer(Chart.parse(Chart.template("default-values.yaml", Map.of("notification.smtp.host", "smtp.example.fr",
                "notification.smtp.egress.cidrs[0]", "192.0.2.0/29"))), 587).getIpBlock().getCidr()).isEqualTo("192.0.2.0/29");
    }

    @Test
    void failedAndDelayedMessagesRaiseAlertsAtTheThresholdsGiven() {
        assertThat(Chart.template("production-values.yaml", Map.of())).contains("- alert: BilanNotificationsFailing",
                "expr: sum(increase(bilan_notifications_total{namespace=\"bilan-prod\", outcome=\"failed\"}[1h])) > 0\n",
                "- alert: BilanNotificationsDelayed",
                "expr: max(bilan_notifications_oldest_due_age_seconds{namespace=\"bilan-prod\"}) > 3600\n");
        assertThat(Chart.template("production-values.yaml", Map.of("metrics.prometheusRule.notificationFailures", "5",
                "metrics.prometheusRule.notificationDelaySeconds", "7200")))
                .contains("outcome=\"failed\"}[1h])) > 5\n", "_seconds{namespace=\"bilan-prod\"}) > 7200\n");
        assertThat(Chart.template("default-values.yaml", Map.of())).doesNotContain("BilanNotifications");
    }

    @Test
    void itsCallersDeadlinesAndItsDirectoryDeadlineAreAccepted() {
        Map<String, String> session = Chart.values(Chart.env(Chart.parse(Chart.template("default-values.yaml",
                Map.of("services.session-service.clients.notification.deadline", "3s"))), "session-service"));
        assertThat(session).containsEntry("BILAN_CLIENTS_NOTIFICATION_DEADLINE", "3s");
        Map<String, String> own = Chart.values(Chart.env(Chart.parse(Chart.template("default-values.yaml",
                Map.of("services.notification-service.clients.directory.deadline", "4s"))), SERVICE));
        assertThat(own).containsEntry("BILAN_CLIENTS_DIRECTORY_DEADLINE", "4s");
    }

    private static boolean isRelay(NetworkPolicyPeer peer) {
        return peer.getIpBlock() != null && peer.getIpBlock().getCidr().equals("10.60.0.0/28");
    }

    private static NetworkPolicyPeer relayPeer(List<HasMetadata> objects, int port) {
        List<NetworkPolicyEgressRule> rules = rulesTo(policy(objects, SERVICE), port);
        assertThat(rules).singleElement().satisfies(rule -> assertThat(rule.getTo()).hasSize(1));
        return rules.get(0).getTo().get(0);
    }

    private static List<NetworkPolicyEgressRule> rulesTo(NetworkPolicy policy, int port) {
        return policy.getSpec().getEgress().stream().filter(r -> ports(r).contains(port)).toList();
    }

    static Set<Integer> ports(NetworkPolicyEgressRule rule) {
        return Set.copyOf(rule.getPorts().stream().map(p -> p.getPort().getIntVal()).filter(Objects::nonNull).toList());
    }

    static NetworkPolicy policy(List<HasMetadata> objects, String component) {
        return Chart.ofKind(objects, NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("bilan-" + component)).findFirst().orElseThrow();
    }

}
