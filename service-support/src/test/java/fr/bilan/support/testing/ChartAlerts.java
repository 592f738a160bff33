package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The chart's alerts (helm/bilan/templates/prometheusrule.yaml) against what a service really
 * exports: a renamed meter or a dropped tag would otherwise silence an alert without a word.
 */
public final class ChartAlerts {

    private static final Path RULES = Path.of("..", "helm", "bilan", "templates", "prometheusrule.yaml");
    /** A series selector in PromQL: the metric's name, then its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-z_:]+)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)");
    /** A Helm action, e.g. the namespace a matcher is rendered with: its braces would end a selector. */
    private static final Pattern HELM_ACTION = Pattern.compile("\\{\\{.*?}}");
    /** Set by the scrape (ServiceMonitor), not by the service. */
    private static final Set<String> SCRAPE_LABELS = Set.of("namespace");

    private ChartAlerts() {
    }

    /**
     * Asserts that every metric whose name starts with {@code prefix} in an alert's expression is
     * exported by {@code prometheus}, with every label the expression selects on or groups by; and
     * that the alerts watch at least one such metric (the check cannot pass on nothing).
     */
    public static void assertExported(PrometheusMeterRegistry prometheus, String prefix) {
        Map<String, Set<String>> watched = watched(prefix);
        Map<String, Set<String>> exported = exported(prometheus);

        assertThat(watched).as("metrics %s* the chart's alerts watch", prefix).isNotEmpty();
        watched.forEach((metric, labels) -> {
            assertThat(exported).as("exported metrics").containsKey(metric);
            assertThat(exported.get(metric)).as("labels of %s", metric).containsAll(labels);
        });
    }

    /** The metrics starting with {@code prefix} the alerts name, each with the labels its expression uses. */
    static Map<String, Set<String>> watched(String prefix) {
        Map<String, Set<String>> watched = new HashMap<>();
        for (String alert : rules().split("- alert: ")) {
            int expr = alert.indexOf("expr:");
            if (expr < 0) {
                continue;
            }
            String expression = alert.substring(expr, alert.indexOf("for:", expr));
            Set<String> grouping = new HashSet<>();
            GROUPING.matcher(expression).results()
                    .forEach(by -> Arrays.stream(by.group(1).split(",")).map(String::strip).forEach(grouping::add));
            for (MatchResult selector : SELECTOR.matcher(expression).results().toList()) {
                if (!selector.group(1).startsWith(prefix)) {
                    continue;
                }
                Set<String> labels = watched.computeIfAbsent(selector.group(1), metric -> new HashSet<>());
                labels.addAll(grouping);
                MATCHER.matcher(selector.group(2)).results().map(m -> m.group(1)).forEach(labels::add);
                labels.removeAll(SCRAPE_LABELS);
            }
        }
        return watched;
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

    private static String rules() {
        try {
            return HELM_ACTION.matcher(Files.readString(RULES)).replaceAll("value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
