package fr.bilan.retention.purge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.retention.purge.*}.
 *
 * @param cron            when the scheduled run starts (Spring cron, in {@code zone}); "-" disables it
 * @param batchSize       documents decided and destroyed together (at most 1,000: one S3 request)
 * @param lockLease       how long the runner's lock lives unless renewed; renewed while the run lives,
 *                        so a crashed runner's lock frees within it; 30 s at least
 * @param callTimeout     deadline of each call to a holder
 * @param overdueAfter    a document due longer ago than this, not destroyed, counts as overdue (the
 *                        metric the alert watches): more than a run interval
 * @param progressEvery   a long run logs its progress this often
 */
@ConfigurationProperties("bilan.retention.purge")
public record PurgeProperties(@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("Europe/Paris") String zone,
        @DefaultValue("1000") int batchSize, @DefaultValue("1m") Duration lockLease,
        @DefaultValue("1m") Duration callTimeout, @DefaultValue("26h") Duration overdueAfter,
        @DefaultValue("30s") Duration progressEvery) {

    /** The shortest lease ShedLock's renewal accepts (it renews at half of it). */
    static final Duration SHORTEST_LEASE = Duration.ofSeconds(30);

    public PurgeProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("bilan.retention.purge.batch-size must be between 1 and 1000");
        }
        if (lockLease.compareTo(SHORTEST_LEASE) < 0) {
            throw new IllegalArgumentException("bilan.retention.purge.lock-lease must be at least " + SHORTEST_LEASE);
        }
    }
}
