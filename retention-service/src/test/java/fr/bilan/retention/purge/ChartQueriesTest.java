package fr.bilan.retention.purge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.support.testing.ChartQueries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The chart's alerts and dashboard panels on the legal clock read metrics this service really
 * exports, under those Prometheus names and with the labels they use (gRPC, memory, MongoDB:
 * StandardGrpcServicesContract).
 */
class ChartQueriesTest extends PurgeTestSupport {

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @Test
    void everyRetentionMetricTheChartReadsIsExported() {
        ChartQueries.assertExported(prometheus, "bilan_retention_");
    }
}
