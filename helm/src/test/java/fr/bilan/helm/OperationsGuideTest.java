package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
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

    /** A row of the MongoDB users table: service, database, collections. */
    private static final Pattern USERS_ROW = Pattern.compile("\\| ([a-z-]+-service) \\| `([^`]+)` \\| (.+) \\|");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\";");
    private static final Pattern GET_COLLECTION = Pattern.compile("getCollection\\(([^)]+)\\)");

    /**
     * The MongoDB users section gives each service the database the chart sets, the collections its
     * code (and service-support's, which every service runs) creates, and a user with readWrite on
     * that database alone.
     */
    @Test
    void theMongoDbUsersAreTheServicesOwnWithTheCollectionsTheirCodeCreates() throws IOException {
        String users = section(Files.readString(OPERATIONS), "## MongoDB users");
        Map<String, String> databases = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(Chart.render("production-values.yaml"), Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("SPRING_MONGODB_DATABASE"))
                    .forEach(e -> databases.put(component(deployment), e.getValue()));
        }
        Set<String> common = collections("service-support");
        assertThat(common).contains("access_records", "page_token_keys", "shedlock");

        Matcher row = USERS_ROW.matcher(users);
        Set<String> rows = new HashSet<>();
        while (row.find()) {
            String service = row.group(1);
            String database = row.group(2);
            rows.add(service);
            assertThat(database).as("%s's database", service).isEqualTo(databases.get(service));
            Set<String> expected = new HashSet<>(common);
            expected.addAll(collections(service));
            assertThat(Set.of(row.group(3).replace("`", "").split(", "))).as("collections of %s", service)
                    .isEqualTo(expected);
            assertThat(users).as("the user of %s", service).contains(String.format("db.getSiblingDB(\"%s\").createUser({user: "
                    + "\"%s\", pwd: passwordPrompt(), roles: [{role: \"readWrite\", db: \"%s\"}]})", database, service, database));
        }
        assertThat(rows).isEqualTo(databases.keySet());
    }

    /** Collections a module's main code opens: getCollection of a literal, or of a constant of its own. */
    private static Set<String> collections(String module) throws IOException {
        Map<String, String> constants = new HashMap<>();
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                sources.put(file, source);
                String type = file.getFileName().toString().replace(".java", "");
                Matcher constant = CONSTANT.matcher(source);
                while (constant.find()) {
                    constants.put(type + "." + constant.group(1), constant.group(2));
                }
            }
        }
        Set<String> collections = new HashSet<>();
        sources.forEach((file, source) -> {
            String type = file.getFileName().toString().replace(".java", "");
            Matcher call = GET_COLLECTION.matcher(source);
            while (call.find()) {
                String argument = call.group(1).strip();
                String name = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
                        : constants.get(argument.contains(".") ? argument : type + "." + argument);
                assertThat(name).as("the collection of getCollection(%s) in %s", argument, file).isNotNull();
                collections.add(name);
            }
        });
        return collections;
    }

    /** A row of the restart table: the Secret production-values names, and who reads it. */
    private static final Pattern SECRET_ROW = Pattern.compile("\\| `[a-zA-Z.-]+`: `([a-z0-9.-]+)` \\| ([a-z, -]+) \\|");

    /** The restart section names every Secret a pod reads and exactly the Deployments reading it, and its commands select them. */
    @Test
    void theRestartTableSaysWhichDeploymentsReadEachSecret() throws IOException {
        String restart = section(Files.readString(OPERATIONS), "## A Secret changed");
        List<Deployment> deployments = Chart.ofKind(Chart.render("production-values.yaml"), Deployment.class);
        Map<String, Set<String>> readers = new TreeMap<>();
        for (Deployment deployment : deployments) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    readers.computeIfAbsent(env.getValueFrom().getSecretKeyRef().getName(), k -> new HashSet<>())
                            .add(component(deployment));
                }
            }
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = SECRET_ROW.matcher(restart);
        while (row.find()) {
            documented.put(row.group(1), Set.of(row.group(2).split(", ")));
        }
        assertThat(documented).isEqualTo(readers);

        Matcher selector = Pattern.compile("rollout restart deployment -l (\\S+)").matcher(restart);
        assertThat(selector.find()).as("a rollout restart by labels").isTrue();
        Map<String, String> labels = new HashMap<>();
        for (String pair : selector.group(1).split(",")) {
            labels.put(pair.split("=")[0], pair.split("=")[1]);
        }
        assertThat(deployments).filteredOn(d -> d.getMetadata().getLabels().entrySet().containsAll(labels.entrySet()))
                .extracting(d -> d.getMetadata().getName()).containsExactly("bilan-synthesis-service");
        Matcher status = Pattern.compile("rollout status deployment/(\\S+)").matcher(restart);
        assertThat(status.find()).isTrue();
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).contains(status.group(1));
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
