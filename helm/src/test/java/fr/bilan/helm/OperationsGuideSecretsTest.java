package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The guide's sections on keys and secrets (master-key rotation, secret rotation, Keycloak's backup,
 * upgrade notes) say what the chart does: every values key they name exists (or the chart refuses
 * it as replaced), every environment variable is one a pod or Keycloak's realm file gets, every
 * Deployment restarted exists, every Secret and key a command writes is one a pod reads, and every
 * values snippet renders to the keyring it shows.
 */
class OperationsGuideSecretsTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final List<String> SECTIONS = List.of("## Master-key rotation (synthesis-service)",
            "## Secret rotation", "### Keycloak", "### Upgrade notes");
    private static final Pattern VALUES_KEY = Pattern.compile("`((?:global|observability|oidc|keycloak|mongodb|objectStore"
            + "|synthesis|gateway|networkPolicy|metrics|defaults|services)(?:\\.[A-Za-z0-9-]+)+)`");
    private static final Pattern ENV = Pattern.compile("\\b((?:BILAN|SPRING)_[A-Z0-9_]*[A-Z0-9])\\b");
    private static final Pattern DEPLOYMENT = Pattern.compile("deployment/(bilan-[a-z-]+)");
    private static final Pattern CREATE_SECRET = Pattern.compile("create secret generic ([a-z0-9][-a-z0-9.]*)((?: --from-literal=[^=\\s]+=\\S+)+)");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([^=\\s]+)=");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyValuesKeyNamedExistsOrIsRefusedAsReplaced() throws IOException {
        Map<String, Object> values = Chart.readYaml(Chart.DIR.resolve("values.yaml"));
        Set<String> named = new HashSet<>();
        Matcher key = VALUES_KEY.matcher(sections());
        while (key.find()) {
            named.add(key.group(1));
        }

        assertThat(named).contains("synthesis.masterKeys.current", "synthesis.masterKeys.keys", "mongodb.existingSecret");
        for (String name : named) {
            if (ValuesDocumentationTest.lookup(values, name) == ValuesDocumentationTest.MISSING) {
                assertThatThrownBy(() -> Chart.template("production-values.yaml", Map.of(name, "x")))
                        .as("%s is named by the guide but is no value of the chart", name)
                        .hasMessageContaining(name + " was replaced by");
            }
        }
    }

    @Test
    void everyVariableDeploymentAndSecretNamedIsOneThePodsGet() throws IOException {
        String text = sections();
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        Set<String> variables = new HashSet<>();
        Set<String> secretKeys = new HashSet<>();
        Set<String> deployments = new HashSet<>();
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            deployments.add(deployment.getMetadata().getName());
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    variables.add(env.getName());
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        secretKeys.add(env.getValueFrom().getSecretKeyRef().getName() + "/"
                                + env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
        }
        // Keycloak's own environment: the placeholders of the realm file it imports
        Matcher placeholder = Pattern.compile("\\$\\{(BILAN_[A-Z_]+)}")
                .matcher(Files.readString(Chart.DIR.resolve("files/keycloak/bilan-realm.json")));
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }

        Matcher env = ENV.matcher(text);
        while (env.find()) {
            assertThat(variables).as("the guide's %s", env.group(1)).contains(env.group(1));
        }
        Matcher deployment = DEPLOYMENT.matcher(text);
        int restarts = 0;
        while (deployment.find()) {
            restarts++;
            assertThat(deployments).as("the guide's deployment/%s", deployment.group(1)).contains(deployment.group(1));
        }
        assertThat(restarts).isPositive();
        Matcher secret = CREATE_SECRET.matcher(text.replace("\\\n", " ").replaceAll(" +", " "));
        int secrets = 0;
        while (secret.find()) {
            Matcher literal = LITERAL.matcher(secret.group(2));
            while (literal.find()) {
                secrets++;
                assertThat(secretKeys).as("the guide writes Secret %s key %s", secret.group(1), literal.group(1))
                        .contains(secret.group(1) + "/" + literal.group(1));
            }
        }
        assertThat(secrets).as("Secrets the guide writes").isGreaterThanOrEqualTo(5);
    }

    /** Each values snippet, on top of the production values, renders the keyring it shows, or is refused as replaced. */
    @Test
    @SuppressWarnings("unchecked")
    void everyValuesSnippetRendersTheKeyringItShows() throws IOException {
        Matcher block = YAML_BLOCK.matcher(sections());
        int rendered = 0;
        int refused = 0;
        while (block.find()) {
            Map<String, Object> snippet = new Yaml().load(block.group(1));
            Map<String, Object> merged = Chart.deepMerge(Chart.readYaml(Chart.ciValues("production-values.yaml")), snippet);
            Path file = Files.createTempFile("operations-snippet", ".yaml");
            Chart.write(file, new Yaml().dump(merged));
            Map<String, Object> synthesis = (Map<String, Object>) snippet.get("synthesis");
            if (synthesis.containsKey("masterKey")) {
                assertThatThrownBy(() -> Chart.template(file.toString(), Map.of()))
                        .hasMessageContaining("synthesis.masterKey was replaced by synthesis.masterKeys");
                refused++;
                continue;
            }
            Map<String, Object> keyring = (Map<String, Object>) synthesis.get("masterKeys");
            Map<String, String> env = new LinkedHashMap<>();
            Chart.ofKind(Chart.parse(Chart.template(file.toString(), Map.of())), Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals("bilan-synthesis-service"))
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream())
                    .forEach(e -> env.put(e.getName(), e.getValue() != null ? e.getValue()
                            : e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
            assertThat(env).containsEntry("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID", String.valueOf(keyring.get("current")));
            List<Map<String, Object>> keys = (List<Map<String, Object>>) keyring.get("keys");
            for (int i = 0; i < keys.size(); i++) {
                assertThat(env).containsEntry("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_" + i + "_ID", String.valueOf(keys.get(i).get("id")))
                        .containsEntry("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_" + i + "_KEY",
                                keys.get(i).get("existingSecret") + "/" + keys.get(i).get("key"));
            }
            assertThat(env).doesNotContainKey("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_" + keys.size() + "_ID");
            rendered++;
        }
        assertThat(rendered).as("snippets rendered").isEqualTo(3);
        assertThat(refused).as("snippets of the old shape").isEqualTo(1);
    }

    private static String sections() throws IOException {
        String markdown = Files.readString(OPERATIONS);
        List<String> texts = new ArrayList<>();
        for (String heading : SECTIONS) {
            texts.add(OperationsGuideTest.section(markdown, heading));
        }
        return String.join("\n", texts);
    }
}
