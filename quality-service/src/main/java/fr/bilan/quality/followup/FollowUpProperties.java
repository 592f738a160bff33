package fr.bilan.quality.followup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.quality.follow-up.*}: how often the due follow-up interviews are offered, how many a batch,
 * and how long a replica that died while offering holds the lock.
 */
@ConfigurationProperties("bilan.quality.follow-up")
public record FollowUpProperties(@DefaultValue("15m") Duration offerInterval, @DefaultValue("500") int batchSize,
        @DefaultValue("10m") Duration lockAtMostFor) {
}
