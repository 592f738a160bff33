package fr.bilan.retention.purge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.support.testing.ChartAlerts;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The chart's alerts on the legal clock watch metrics this service really exports, under those
 * Prometheus names and with the labels the alerts use (gRPC errors: StandardGrpcServicesContract).
 */
class AlertMetricsTest extends PurgeTestSupport {

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @Test
    void everyRetentionMetricTheChartsAlertsWatchIsExported() {
        ChartAlerts.assertExported(prometheus, "bilan_retention_");
    }
}
