package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The PromQL the chart ships (its alerts in templates/prometheusrule.yaml, its Grafana dashboard in
 * files/grafana/bilan-dashboard.json) against what a service really exports: a renamed meter or a
 * dropped tag would otherwise silence an alert or blank a panel without a word.
 */
public final class ChartQueries {

    private static final Path CHART = Path.of("..", "helm", "bilan");
    /** A series selector: the metric's name, then its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-z_:]+)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)");
    /** A Helm action, e.g. the namespace a matcher is rendered with: its braces would end a selector. */
    private static final Pattern HELM_ACTION = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern RULE_EXPRESSION = Pattern.compile("expr:(.*?)\\n\\s*for:", Pattern.DOTALL);
    private static final Pattern PANEL_EXPRESSION = Pattern.compile("\"expr\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Set by the scrape (ServiceMonitor), not by the service. */
    private static final Set<String> SCRAPE_LABELS = Set.of("namespace");

    private ChartQueries() {
    }

    /**
     * Asserts that every metric whose name starts with one of {@code prefixes} in the chart's
     * queries is exported by {@code prometheus}, with every label those queries select on or group
     * by; and that the chart queries at least one metric of each prefix (no check passes on nothing).
     */
    public static void assertExported(PrometheusMeterRegistry prometheus, String... prefixes) {
        Map<String, Set<String>> exported = exported(prometheus);
        for (String prefix : prefixes) {
            Map<String, Set<String>> queried = queried(prefix);

            assertThat(queried).as("metrics %s* the chart queries", prefix).isNotEmpty();
            queried.forEach((metric, labels) -> {
                assertThat(exported).as("exported metrics").containsKey(metric);
                assertThat(exported.get(metric)).as("labels of %s", metric).containsAll(labels);
            });
        }
    }

    /** The metrics starting with {@code prefix} the chart's queries name, each with the labels they use. */
    static Map<String, Set<String>> queried(String prefix) {
        Map<String, Set<String>> queried = new HashMap<>();
        for (String expression : expressions()) {
            Set<String> grouping = new HashSet<>();
            GROUPING.matcher(expression).results()
                    .forEach(by -> Arrays.stream(by.group(1).split(",")).map(String::strip).forEach(grouping::add));
            for (MatchResult selector : SELECTOR.matcher(expression).results().toList()) {
                if (selector.group(1).startsWith(prefix)) {
                    Set<String> labels = queried.computeIfAbsent(selector.group(1), metric -> new HashSet<>());
                    labels.addAll(grouping);
                    MATCHER.matcher(selector.group(2)).results().map(m -> m.group(1)).forEach(labels::add);
                    labels.removeAll(SCRAPE_LABELS);
                }
            }
        }
        return queried;
    }

    /** Each exported metric's name with the label names its series carry. */
    static Map<String, Set<String>> exported(PrometheusMeterRegistry prometheus) {
        Map<String, Set<String>> exported = new HashMap<>();
        prometheus.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            String[] series = line.split("[{ ]", 2);
            Set<String> labels = exported.computeIfAbsent(series[0], metric -> new HashSet<>());
            if (line.charAt(series[0].length()) == '{') {
                MATCHER.matcher(line.substring(series[0].length(), line.lastIndexOf('}'))).results()
                        .map(m -> m.group(1)).forEach(labels::add);
            }
        });
        return exported;
    }

    /** Every alert's and every panel's expression, Helm actions and JSON escapes taken out. */
    private static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        RULE_EXPRESSION.matcher(HELM_ACTION.matcher(read("templates/prometheusrule.yaml")).replaceAll("value"))
                .results().map(m -> m.group(1)).forEach(expressions::add);
        PANEL_EXPRESSION.matcher(read("files/grafana/bilan-dashboard.json")).results()
                .map(m -> m.group(1).replace("\\\"", "\"")).forEach(expressions::add);
        return expressions;
    }

    private static String read(String file) {
        try {
            return Files.readString(CHART.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
