package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.bilan.session.assessment.Refusal;

/**
 * A centre's rules for placing a session, all read in the centre's local time: its opening hours
 * per day of the week, the bounds of a session's length, at most so many sessions of one bilan a
 * week (Monday to Sunday), and a minimum number of days between two sessions of one bilan.
 *
 * @param maxSessionsPerWeek  sessions of one bilan in one week, at most (2 by default)
 * @param minDaysBetween      calendar days from one session of a bilan to the next, at least (0: the
 *                            same day is allowed)
 */
public record CentreRules(CentreZone zone, Map<DayOfWeek, List<OpeningHours>> openingHours, Duration minLength,
        Duration maxLength, int maxSessionsPerWeek, int minDaysBetween) {

    public CentreRules {
        openingHours = Map.copyOf(openingHours);
        if (minLength.compareTo(maxLength) > 0 || maxSessionsPerWeek < 1 || minDaysBetween < 0) {
            throw new IllegalArgumentException("inconsistent centre rules");
        }
    }

    /**
     * Refuses {@code slot} for a bilan whose other sessions (not cancelled) are {@code others}, with
     * every rule it breaks, in French.
     */
    public void check(Slot slot, List<Slot> others) {
        List<String> broken = new ArrayList<>();
        ZonedDateTime start = slot.start().atZone(zone.zone());
        ZonedDateTime end = slot.end().atZone(zone.zone());
        if (slot.duration().compareTo(minLength) < 0 || slot.duration().compareTo(maxLength) > 0) {
            broken.add("une séance dure de " + minutes(minLength) + " à " + minutes(maxLength) + " minutes");
        }
        boolean open = start.toLocalDate().equals(end.toLocalDate())
                && openingHours.getOrDefault(start.getDayOfWeek(), List.of()).stream()
                        .anyMatch(range -> range.holds(start.toLocalTime(), end.toLocalTime()));
        if (!open) {
            broken.add("le centre n'est pas ouvert sur tout ce créneau (" + start.toLocalDate() + " de "
                    + start.toLocalTime() + " à " + end.toLocalTime() + ", heure locale du centre)");
        }
        long sameWeek = others.stream().map(other -> other.start().atZone(zone.zone()))
                .filter(other -> week(other).equals(week(start)))
                .count();
        if (sameWeek >= maxSessionsPerWeek) {
            broken.add("ce bilan a déjà " + sameWeek + " séance(s) cette semaine, le centre en permet "
                    + maxSessionsPerWeek);
        }
        if (minDaysBetween > 0) {
            others.stream().map(other -> other.start().atZone(zone.zone()))
                    .filter(other -> Math.abs(ChronoUnit.DAYS.between(other.toLocalDate(), start.toLocalDate()))
                            < minDaysBetween)
                    .findFirst()
                    .ifPresent(close -> broken.add("une autre séance de ce bilan a lieu le " + close.toLocalDate()
                            + " : le centre demande au moins " + minDaysBetween + " jour(s) entre deux séances"));
        }
        if (!broken.isEmpty()) {
            throw new Refusal("Ce créneau ne respecte pas les règles du centre : " + String.join(" ; ", broken) + ".");
        }
    }

    /** The ISO week (Monday to Sunday) of a local time, year included: « 2026-W13 ». */
    private static String week(ZonedDateTime time) {
        return time.get(IsoFields.WEEK_BASED_YEAR) + "-W" + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static long minutes(Duration duration) {
        return duration.toMinutes();
    }
}
