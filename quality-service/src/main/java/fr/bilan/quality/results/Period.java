package fr.bilan.quality.results;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import fr.bilan.support.refusal.InvalidFields;

/**
 * The period of the results: the bilans whose end falls in {@code [start, end)}. A bilan's end is a day,
 * kept as its UTC midnight: the days counted are those whose midnight is within the period.
 */
public record Period(Instant start, Instant end) {

    /** The longest period asked: two years of bilans are what a yearly publication compares. */
    static final int MAX_YEARS = 2;

    public Period {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /**
     * The period a request asks for, or the field to fix (named as the JSON spells it): the end after the
     * start, at most {@value #MAX_YEARS} years after it.
     */
    public static Period of(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw InvalidFields.of("endTime", "La fin de la période doit suivre son début.");
        }
        if (end.isAfter(start.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS).toInstant())) {
            throw InvalidFields.of("endTime", "La période ne peut pas dépasser " + MAX_YEARS + " ans.");
        }
        return new Period(start, end);
    }

    /** The first day whose bilans are counted. */
    public LocalDate firstDay() {
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        return start.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant()) ? day : day.plusDays(1);
    }

    /** The last day whose bilans are counted. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(end.minus(1, ChronoUnit.NANOS), ZoneOffset.UTC);
    }

    /** Whether the period is over at {@code now}: only then are its figures final. */
    public boolean overAt(Instant now) {
        return !end.isAfter(now);
    }
}
