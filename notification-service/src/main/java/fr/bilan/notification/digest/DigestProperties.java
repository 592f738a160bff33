package fr.bilan.notification.digest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.notification.digests.*}: when the staff's daily digests are planned, and to whom besides
 * the consultants.
 *
 * @param cron     when (Spring cron: second minute hour day month weekday), in {@code zone}; "-" turns them off
 * @param zone     the zone of {@code cron}
 * @param managers the managers of each centre who receive its digest (identity provider subjects), by centre id
 * @param lockAtMostFor how long one replica's planning holds the lock at most (ShedLock)
 */
@ConfigurationProperties(prefix = "bilan.notification.digests", ignoreUnknownFields = false)
public record DigestProperties(String cron, String zone, Map<String, List<String>> managers, Duration lockAtMostFor) {

    public DigestProperties {
        cron = cron == null ? "0 0 7 * * MON-FRI" : cron;
        zone = zone == null ? "Europe/Paris" : zone;
        managers = managers == null ? Map.of() : Map.copyOf(managers);
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
    }
}
