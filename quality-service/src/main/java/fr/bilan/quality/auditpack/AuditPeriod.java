package fr.bilan.quality.auditpack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import fr.bilan.support.refusal.InvalidFields;

/**
 * The days an audit pack covers, in its centre's zone: from {@code firstDay} to before {@code endDay}.
 * At most three years, the time process evidence is kept: a longer period would promise evidence that
 * is no longer there.
 */
public record AuditPeriod(LocalDate firstDay, LocalDate endDay) {

    static final int MAX_YEARS = 3;

    public AuditPeriod {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(endDay, "endDay");
        if (!endDay.isAfter(firstDay)) {
            throw new IllegalArgumentException("an audit period holds at least a day");
        }
    }

    /**
     * The days from {@code start}'s to before {@code end}'s in {@code zone}.
     *
     * @throws InvalidFields naming {@code end_time} when the end is not after the start, falls on the
     *                       start's day, or is more than three years after it
     */
    public static AuditPeriod of(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            throw InvalidFields.of("end_time", "La fin de la période doit être après son début.");
        }
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate until = LocalDate.ofInstant(end, zone);
        if (!until.isAfter(first)) {
            throw InvalidFields.of("end_time", "La période doit couvrir au moins un jour : sa fin tombe le jour de "
                    + "son début.");
        }
        if (until.isAfter(first.plusYears(MAX_YEARS))) {
            throw InvalidFields.of("end_time", "La période couvre au plus trois ans, la durée de conservation des "
                    + "preuves du processus qualité.");
        }
        return new AuditPeriod(first, until);
    }

    /** The period's last day. */
    public LocalDate lastDay() {
        return endDay.minusDays(1);
    }
}
