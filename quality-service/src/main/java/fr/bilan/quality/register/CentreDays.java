package fr.bilan.quality.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import fr.bilan.support.centre.Centres;

/**
 * The days of the register in each centre's own zone (La Réunion's centre receives a complaint on its
 * own day, not Paris's): what "today" is there, so that no date is recorded in the future, and which
 * day an instant of a period's bounds falls on.
 */
@Component
@EnableConfigurationProperties(Centres.class)
public class CentreDays {

    private final Centres centres;
    private final Clock clock;

    CentreDays(Centres centres, Clock clock) {
        this.centres = centres;
        this.clock = clock;
    }

    /** Today at the centre. */
    public LocalDate today(String centreId) {
        return dayOf(clock.instant(), centreId);
    }

    /** The day {@code instant} falls on at the centre. */
    public LocalDate dayOf(Instant instant, String centreId) {
        return LocalDate.ofInstant(instant, centres.of(centreId).zoneId());
    }

    /** Now, as the register stamps a record's creation. */
    public Instant now() {
        return clock.instant();
    }
}
