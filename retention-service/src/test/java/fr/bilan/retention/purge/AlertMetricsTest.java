package fr.bilan.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The chart's alerts on the legal clock watch metrics this service really exports under those
 * Prometheus names: a renamed meter would otherwise silence the alert without a word.
 */
class AlertMetricsTest extends PurgeTestSupport {

    private static final Path RULES = Path.of("..", "helm", "bilan", "templates", "prometheusrule.yaml");
    private static final Pattern RETENTION_METRIC = Pattern.compile("bilan_retention_[a-z_]+");

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @Test
    void everyRetentionMetricTheChartsAlertsWatchIsExported() throws Exception {
        Matcher named = RETENTION_METRIC.matcher(Files.readString(RULES));
        Set<String> watched = named.results().map(MatchResult::group).collect(Collectors.toSet());
        Set<String> exported = prometheus.scrape().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());

        assertThat(watched).contains("bilan_retention_documents_overdue", "bilan_retention_purge_last_success");
        assertThat(exported).containsAll(watched);
    }
}
