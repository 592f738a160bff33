package fr.bilan.retention.purge;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.support.testing.ChartAlerts;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The chart's alerts on the legal clock and on gRPC errors watch metrics this service really
 * exports, under those Prometheus names and with the labels the alerts use.
 */
class AlertMetricsTest extends PurgeTestSupport {

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @Test
    void everyRetentionMetricTheChartsAlertsWatchIsExported() {
        ChartAlerts.assertExported(prometheus, "bilan_retention_");
    }

    @Test
    void theGrpcErrorAlertWatchesTheServersCallsByStatus() {
        // a call served, so that the server's timer has a series
        consent(newId("beneficiary"), 1, "PARTICIPATION", "GRANTED", null, Instant.now());

        ChartAlerts.assertExported(prometheus, "grpc_server_");
    }
}
