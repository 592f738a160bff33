package fr.bilan.synthesis.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.synthesis.orphans.*}: the sweep of objects no stored version names.
 *
 * @param interval time between two sweeps (also the delay of the first one after start-up)
 * @param grace    how old an unrecorded object must be before it is removed: far longer than a
 *                 finalisation takes from its upload to its database write, so that none in flight
 *                 loses its object
 */
@ConfigurationProperties("bilan.synthesis.orphans")
public record OrphanProperties(@DefaultValue("5m") Duration interval, @DefaultValue("15m") Duration grace) {

    public OrphanProperties {
        if (interval.isNegative() || interval.isZero() || grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("bilan.synthesis.orphans.interval and grace must be longer than zero");
        }
    }
}
