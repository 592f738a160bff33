package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * docs/operations.md and the chart say the same: an alert changed in the chart and not in its
 * runbook would send the operator after the wrong threshold, a sizing table the national-network
 * values do not install would be advice nobody follows.
 */
class OperationsGuideTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    /** A row of the sizing table: component, replicas (and the autoscaler's range), CPU, memory. */
    private static final Pattern SIZING_ROW = Pattern.compile(
            "\\| ([a-z-]+) \\| (\\d+)(?: \\(HPA (\\d+)–(\\d+)[^)]*\\))? \\| (\\S+) / (\\S+) \\| (\\S+) / (\\S+) \\|");

    /** Every alert has its runbook under its name, quoting the rule as rendered (namespace aside). */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasARunbookQuotingItsRule() throws IOException {
        String operations = Files.readString(OPERATIONS);
        Map<String, Object> spec = (Map<String, Object>) ProfilesTest
                .generic(Chart.render("production-values.yaml"), "PrometheusRule").getAdditionalProperties().get("spec");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) spec.get("groups");

        assertThat(groups).isNotEmpty();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String alert = (String) rule.get("alert");
                String runbook = flat(section(operations, "### " + alert));
                String expression = flat((String) rule.get("expr"))
                        .replace("namespace=\"" + Chart.NAMESPACE + "\", ", "")
                        .replace("{namespace=\"" + Chart.NAMESPACE + "\"}", "");

                assertThat(runbook).as("runbook %s", alert).contains("`" + expression + "`", "for " + rule.get("for"));
            }
        }
    }

    /** The national-network values install the replicas and resources the sizing table gives. */
    @Test
    void theSizingTableIsWhatTheNationalNetworkValuesInstall() throws IOException {
        List<HasMetadata> objects = Chart.render("production-values.yaml");
        Map<String, Deployment> deployments = new HashMap<>();
        Chart.ofKind(objects, Deployment.class).forEach(d -> deployments.put(component(d), d));
        Map<String, HorizontalPodAutoscaler> autoscalers = new HashMap<>();
        Chart.ofKind(objects, HorizontalPodAutoscaler.class)
                .forEach(h -> autoscalers.put(h.getSpec().getScaleTargetRef().getName(), h));

        Matcher row = SIZING_ROW.matcher(section(Files.readString(OPERATIONS), "## Sizing"));
        int rows = 0;
        while (row.find()) {
            rows++;
            Deployment deployment = deployments.get(row.group(1));
            assertThat(deployment).as("a Deployment for %s", row.group(1)).isNotNull();
            HorizontalPodAutoscaler autoscaler = autoscalers.get(deployment.getMetadata().getName());
            if (row.group(3) == null) {
                assertThat(autoscaler).as("%s autoscaled", row.group(1)).isNull();
                assertThat(deployment.getSpec().getReplicas()).as("%s replicas", row.group(1))
                        .isEqualTo(Integer.valueOf(row.group(2)));
            } else {
                assertThat(autoscaler).as("%s autoscaled", row.group(1)).isNotNull();
                assertThat(autoscaler.getSpec().getMinReplicas()).as("%s minimum", row.group(1))
                        .isEqualTo(Integer.valueOf(row.group(3))).isEqualTo(Integer.valueOf(row.group(2)));
                assertThat(autoscaler.getSpec().getMaxReplicas()).as("%s maximum", row.group(1))
                        .isEqualTo(Integer.valueOf(row.group(4)));
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getResources().getRequests().get("cpu").toString()).as("%s CPU request", row.group(1)).isEqualTo(row.group(5));
            assertThat(container.getResources().getLimits().get("cpu").toString()).as("%s CPU limit", row.group(1)).isEqualTo(row.group(6));
            assertThat(container.getResources().getRequests().get("memory").toString()).as("%s memory request", row.group(1)).isEqualTo(row.group(7));
            assertThat(container.getResources().getLimits().get("memory").toString()).as("%s memory limit", row.group(1)).isEqualTo(row.group(8));
        }
        assertThat(rows).as("rows of the sizing table").isEqualTo(deployments.size());
    }

    private static String component(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component");
    }

    /** The text under {@code heading}, up to the next heading of the same or a higher level. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading);
        assertThat(start).as("a section %s in %s", heading, OPERATIONS).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' '));
        int end = markdown.indexOf("\n" + level + " ", start + heading.length());
        int higher = level.length() > 2 ? markdown.indexOf("\n## ", start + heading.length()) : -1;
        end = higher >= 0 && (end < 0 || higher < end) ? higher : end;
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
