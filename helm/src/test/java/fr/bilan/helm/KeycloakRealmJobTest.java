package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The realm Job: a hook after every install and upgrade, hardened, reaching only Keycloak, and
 * the realm it applies, from the values: the rendered script run with the rendered ConfigMap and
 * environment (secrets stand-ins) prints the realm it would apply.
 */
class KeycloakRealmJobTest {

    static final String NAME = "bilan-keycloak-realm-apply";

    @TempDir
    Path dir;

    @Test
    void productionValuesReachTheRealm() throws Exception {
        List<HasMetadata> objects = render("production-values.yaml", Map.of());
        Job job = RenderedManifestsTest.named(Chart.ofKind(objects, Job.class), NAME);
        Map<String, EnvVar> env = env(job);

        // helm.sh/hook…, renamed by Chart.templateWithHooks
        assertThat(job.getMetadata().getAnnotations()).containsEntry(Chart.HOOK, "post-install,post-upgrade")
                .containsEntry(Chart.HOOK + "-delete-policy", "before-hook-creation,hook-succeeded");
        assertThat(container(job).getImage()).isEqualTo("quay.io/keycloak/keycloak:" + keycloakVersion());
        assertThat(value(env, "KEYCLOAK_URL")).isEqualTo("http://keycloak.keycloak.svc.cluster.local:8080");
        assertThat(secret(env, "KEYCLOAK_ADMIN_PASSWORD")).isEqualTo("keycloak-initial-admin/password");
        assertThat(secret(env, "KEYCLOAK_ADMIN_USER")).isEqualTo("keycloak-initial-admin/username");
        assertThat(secret(env, "BILAN_SERVICES_CLIENT_SECRET")).isEqualTo("bilan-oidc/client-secret");
        assertThat(secret(env, "BILAN_DIRECTORY_CLIENT_SECRET")).isEqualTo("bilan-oidc-directory/client-secret");
        assertThat(secret(env, "BILAN_REALM_SMTP_PASSWORD")).isEqualTo("bilan-smtp/password");

        Map<String, Object> realm = applied(objects, job);

        assertThat(realm.get("accessTokenLifespan")).isEqualTo(600);
        assertThat(realm.get("ssoSessionIdleTimeout")).isEqualTo(3600);
        assertThat(realm.get("ssoSessionMaxLifespan")).isEqualTo(28800);
        assertThat(realm.get("resetPasswordAllowed")).isEqualTo(true);
        assertThat(realm.get("smtpServer")).isEqualTo(Map.of("host", "smtp.reseau-bilan.fr", "port", "587",
                "from", "ne-pas-repondre@reseau-bilan.fr", "fromDisplayName", "Bilan de compétences", "starttls", "true",
                "ssl", "false", "auth", "true", "user", "secret:bilan-smtp/username", "password", "secret:bilan-smtp/password"));
        Map<String, Object> web = client(realm, "bilan-web");
        assertThat(web.get("redirectUris")).isEqualTo(List.of("https://consultants.reseau-bilan.fr/*"));
        assertThat(web.get("webOrigins")).isEqualTo(List.of("https://consultants.reseau-bilan.fr"));
        assertThat(attributes(web)).containsEntry("post.logout.redirect.uris", "https://consultants.reseau-bilan.fr/*");
        // the API docs' client, when the realm file has it, redirects to the gateway's public host
        assertThat(value(env, "BILAN_REALM_API_DOCS_URL")).isEqualTo("https://api.reseau-bilan.fr");
        // no demo user, no demo client; the services' accounts keep their roles; secrets from the Secrets
        assertThat(usernames(realm)).containsExactlyInAnyOrder("service-account-bilan-services", "service-account-bilan-directory");
        assertThat(clientIds(realm)).doesNotContain("bilan-cli").contains("bilan-services", "bilan-directory");
        assertThat(client(realm, "bilan-services").get("secret")).isEqualTo("secret:bilan-oidc/client-secret");
    }

    @Test
    void byDefaultTheFrontEndIsTheCorsOriginsAndThePasswordResetIsHidden() throws Exception {
        List<HasMetadata> objects = render("default-values.yaml",
                Map.of("gateway.corsAllowedOrigins[0]", "https://consultants.exemple.fr"));
        Job job = RenderedManifestsTest.named(Chart.ofKind(objects, Job.class), NAME);

        Map<String, Object> realm = applied(objects, job);

        assertThat(client(realm, "bilan-web").get("redirectUris")).isEqualTo(List.of("https://consultants.exemple.fr/*"));
        assertThat(realm.get("resetPasswordAllowed")).isEqualTo(false);
        assertThat(realm.get("smtpServer")).isEqualTo(Map.of());
        assertThat(realm.get("accessTokenLifespan")).isEqualTo(900);
        assertThat(env(job)).doesNotContainKey("BILAN_REALM_SMTP_HOST");
        assertThat(value(env(job), "KEYCLOAK_URL")).isEqualTo("http://keycloak.keycloak.svc:8080");
    }

    @Test
    void demoUsersAreAppliedOnlyWhenAskedFor() throws Exception {
        List<HasMetadata> objects = render("default-values.yaml",
                Map.of("keycloak.realmConfigMap.demoUsers", "true"));

        Map<String, Object> realm = applied(objects, RenderedManifestsTest.named(Chart.ofKind(objects, Job.class), NAME));

        assertThat(usernames(realm)).contains("consultant", "beneficiary", "service-account-bilan-services");
        assertThat(clientIds(realm)).contains("bilan-cli");
    }

    @Test
    void theJobIsHardenedAndReachesOnlyDnsAndKeycloak() {
        List<HasMetadata> objects = render("production-values.yaml", Map.of());
        Job job = RenderedManifestsTest.named(Chart.ofKind(objects, Job.class), NAME);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var security = container(job).getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container(job).getResources().getLimits()).containsKey("memory");
        assertThat(container(job).getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(env(job).values()).allSatisfy(e -> {
            if (e.getName().matches(".*(PASSWORD|SECRET|USER)$")) {
                assertThat(e.getValue()).as(e.getName()).isNull();
            }
        });

        Map<String, String> podLabels = job.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> policies = Chart.ofKind(objects, NetworkPolicy.class).stream()
                .filter(p -> RenderedManifestsTest.matches(p.getSpec().getPodSelector(), podLabels)).toList();
        assertThat(policies).hasSize(2); // the default deny, and its own
        NetworkPolicy own = RenderedManifestsTest.named(policies, NAME);
        assertThat(own.getSpec().getIngress()).isEmpty();
        assertThat(own.getSpec().getEgress()).hasSize(2);
        List<NetworkPolicyPeer> peers = own.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream()).toList();
        assertThat(peers).anyMatch(p -> "keycloak".equals(p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                .anyMatch(p -> "kube-system".equals(p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                .allMatch(p -> p.getIpBlock() == null);
    }

    @Test
    void theScriptAndTheRealmFileShippedAreTheRepositorysOwn() throws IOException {
        ConfigMap config = RenderedManifestsTest.named(Chart.ofKind(render("default-values.yaml", Map.of()), ConfigMap.class), NAME);
        assertThat(config.getData().get("apply-realm.sh"))
                .isEqualTo(Files.readString(Chart.DIR.resolve("files/keycloak/apply-realm.sh")));
        Map<?, ?> shipped = Serialization.unmarshal(config.getData().get("bilan-realm.json"), Map.class);
        assertThat(shipped.get("realm")).isEqualTo("bilan");
    }

    @Test
    void aMailServerNeedsASender() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("keycloak.realm.smtp.host", "smtp.exemple.fr")))
                .hasMessageContaining("keycloak/realm/smtp/from");
    }

    @Test
    void theJobNeedsAnAdministratorsSecretUnlessDisabled() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("keycloak.realmJob.admin.existingSecret", "")))
                .hasMessageContaining("keycloak/realmJob/admin/existingSecret");
        assertThat(render("default-values.yaml", Map.of("keycloak.realmJob.admin.existingSecret", "",
                "keycloak.realmJob.enabled", "false"))).noneMatch(o -> o.getKind().equals("Job"));
    }

    /** The chart rendered with a ci values file and extra --set pairs, hooks included. */
    private static List<HasMetadata> render(String valuesFile, Map<String, Object> sets) {
        return Chart.parse(Chart.templateWithHooks(valuesFile, sets));
    }

    /** The realm the rendered script prints with the rendered ConfigMap and environment. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> applied(List<HasMetadata> objects, Job job) throws Exception {
        ConfigMap config = RenderedManifestsTest.named(Chart.ofKind(objects, ConfigMap.class), NAME);
        for (var file : config.getData().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder("bash", dir.resolve("apply-realm.sh").toString(), "--print");
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("BILAN_") || k.startsWith("KEYCLOAK_"));
        for (EnvVar env : container(job).getEnv()) {
            environment.put(env.getName(), env.getValue() != null ? env.getValue() : "secret:" + secret(env));
        }
        environment.put("BILAN_REALM_FILE", dir.resolve("bilan-realm.json").toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Serialization.unmarshal(output, Map.class);
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Job job) {
        Map<String, EnvVar> env = new HashMap<>();
        container(job).getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static String value(Map<String, EnvVar> env, String name) {
        assertThat(env).containsKey(name);
        return env.get(name).getValue();
    }

    private static String secret(Map<String, EnvVar> env, String name) {
        assertThat(env).containsKey(name);
        return secret(env.get(name));
    }

    private static String secret(EnvVar env) {
        var ref = Objects.requireNonNull(env.getValueFrom(), env.getName()).getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> realm, String key) {
        return (List<Map<String, Object>>) realm.get(key);
    }

    private static Map<String, Object> client(Map<String, Object> realm, String clientId) {
        return list(realm, "clients").stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> client) {
        return (Map<String, Object>) client.get("attributes");
    }

    private static List<Object> clientIds(Map<String, Object> realm) {
        return list(realm, "clients").stream().map(c -> c.get("clientId")).toList();
    }

    private static List<Object> usernames(Map<String, Object> realm) {
        return list(realm, "users").stream().map(u -> u.get("username")).toList();
    }

    /** The Keycloak version the platform is tested with (the root pom's keycloak.version). */
    private static String keycloakVersion() throws IOException {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(Chart.DIR.resolve("../../pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
