package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.bilan.support.refusal.RuleRefusal;


/**
 * A centre's rules for placing a session, all read in the centre's local time: its opening hours
 * per day of the week, the bounds of a session's length, at most so many sessions of one bilan a
 * week (Monday to Sunday), and a minimum number of days between two sessions of one bilan.
 *
 * @param openingHours        per day, sorted by opening time (a finder walks a day in order)
 * @param maxSessionsPerWeek  sessions of one bilan in one week, at most (2 by default)
 * @param minDaysBetween      calendar days from one session of a bilan to the next, at least (0: the
 *                            same day is allowed)
 */
public record CentreRules(CentreZone zone, Map<DayOfWeek, List<OpeningHours>> openingHours, Duration minLength,
        Duration maxLength, int maxSessionsPerWeek, int minDaysBetween) {

    public CentreRules {
        Map<DayOfWeek, List<OpeningHours>> sorted = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, ranges) -> sorted.put(day,
                ranges.stream().sorted(Comparator.comparing(OpeningHours::opens)).toList()));
        openingHours = Map.copyOf(sorted);
        if (minLength.compareTo(maxLength) > 0 || maxSessionsPerWeek < 1 || minDaysBetween < 0) {
            throw new IllegalArgumentException("inconsistent centre rules");
        }
    }

    /**
     * Refuses {@code slot} for a bilan whose other sessions (not cancelled) are {@code others}, with
     * every rule it breaks, in French.
     */
    public void check(Slot slot, List<Slot> others) {
        List<String> broken = broken(slot, others);
        if (!broken.isEmpty()) {
            throw new RuleRefusal("Ce créneau ne respecte pas les règles du centre : " + String.join(" ; ", broken) + ".");
        }
    }

    /**
     * The rules {@code slot} breaks for a bilan whose other sessions (not cancelled) are
     * {@code others}, each in French; empty when it may be booked.
     */
    public List<String> broken(Slot slot, List<Slot> others) {
        List<String> broken = new ArrayList<>();
        ZonedDateTime start = slot.start().atZone(zone.zone());
        ZonedDateTime end = slot.end().atZone(zone.zone());
        brokenLength(slot.duration()).ifPresent(broken::add);
        if (!OpeningHours.anyHolds(openingHoursOn(start.getDayOfWeek()), start, end)) {
            broken.add("le centre n'est pas ouvert sur tout ce créneau (" + start.toLocalDate() + " de "
                    + start.toLocalTime() + " à " + end.toLocalTime() + ", heure locale du centre)");
        }
        List<LocalDate> otherDays = localDays(others);
        long sameWeek = sessionsInWeekOf(start.toLocalDate(), otherDays);
        if (sameWeek >= maxSessionsPerWeek) {
            broken.add("ce bilan a déjà " + sameWeek + " séance(s) cette semaine, le centre en permet "
                    + maxSessionsPerWeek);
        }
        tooClose(start.toLocalDate(), otherDays)
                .ifPresent(close -> broken.add("une autre séance de ce bilan a lieu le " + close
                        + " : le centre demande au moins " + minDaysBetween + " jour(s) entre deux séances"));
        return broken;
    }

    /** The length rule, in French, when a session of {@code length} breaks it. */
    Optional<String> brokenLength(Duration length) {
        if (length.compareTo(minLength) < 0 || length.compareTo(maxLength) > 0) {
            return Optional.of("une séance dure de " + minLength.toMinutes() + " à " + maxLength.toMinutes()
                    + " minutes");
        }
        return Optional.empty();
    }

    List<OpeningHours> openingHoursOn(DayOfWeek day) {
        return openingHours.getOrDefault(day, List.of());
    }

    /**
     * Whether a session of the bilan may start on {@code day} as far as the week cap and the days
     * between sessions go, the other sessions given by their local days ({@link #localDays}): lets a
     * finder pass over whole days.
     */
    boolean allowsDay(LocalDate day, List<LocalDate> otherDays) {
        return sessionsInWeekOf(day, otherDays) < maxSessionsPerWeek && tooClose(day, otherDays).isEmpty();
    }

    /** The centre's local day each session starts on. */
    List<LocalDate> localDays(List<Slot> sessions) {
        return sessions.stream().map(session -> session.start().atZone(zone.zone()).toLocalDate()).toList();
    }

    /** Sessions in the ISO week (Monday to Sunday) of {@code day}, each week known by its Monday. */
    private static long sessionsInWeekOf(LocalDate day, List<LocalDate> otherDays) {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        return otherDays.stream().filter(other -> other.with(DayOfWeek.MONDAY).equals(monday)).count();
    }

    /** The first other session's day closer to {@code day} than the centre allows. */
    private Optional<LocalDate> tooClose(LocalDate day, List<LocalDate> otherDays) {
        return otherDays.stream()
                .filter(other -> Math.abs(ChronoUnit.DAYS.between(other, day)) < minDaysBetween)
                .findFirst();
    }
}
