package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a consultant receives beneficiaries, in the centre's local time: recurring weekly hours,
 * absences (leave, training…) and special days (hours added on a date, such as a Saturday morning,
 * or a day's hours replaced). No weekly hours declared means none restrict: the consultant is then
 * available whenever the centre is open, which the centre's rules check.
 */
public final class ConsultantAvailability {

    /** Away from {@code start} to {@code end}, with a short label for refusals (« congés »), possibly empty. */
    public record Absence(Instant start, Instant end, String label) {

        public Absence {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("an absence ends after it starts: " + start + "-" + end);
            }
            label = label == null ? "" : label.strip();
        }

        public Absence(Instant start, Instant end) {
            this(start, end, "");
        }

        Slot period() {
            return new Slot(start, Duration.between(start, end));
        }
    }

    /** A date whose hours differ from the week's: hours added to them, or in their place (none: a day off). */
    public record SpecialDay(LocalDate date, List<OpeningHours> hours, boolean replacesWeeklyHours) {

        public SpecialDay {
            hours = List.copyOf(hours);
            OpeningHours.requireDisjoint(hours);
        }

        public static SpecialDay extraHours(LocalDate date, OpeningHours... hours) {
            return new SpecialDay(date, List.of(hours), false);
        }

        public static SpecialDay replacedHours(LocalDate date, OpeningHours... hours) {
            return new SpecialDay(date, List.of(hours), true);
        }

        public static SpecialDay dayOff(LocalDate date) {
            return new SpecialDay(date, List.of(), true);
        }
    }

    /** The hours of each day of a consultant who declared none. */
    private static final List<OpeningHours> WHOLE_DAY = List.of(new OpeningHours(LocalTime.MIN, LocalTime.MAX));

    /** Per day of the week, merged. */
    private final Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
    /** The whole hours of each special date, merged: the week's and the added ones, or the replacing ones. */
    private final Map<LocalDate, List<OpeningHours>> specialDays = new HashMap<>();
    /** In time order, for the label of the first one a slot meets. */
    private final List<Absence> absences;
    private final BusyTimes away;

    public ConsultantAvailability(Map<DayOfWeek, List<OpeningHours>> weeklyHours, List<Absence> absences,
            List<SpecialDay> specialDays) {
        weeklyHours.values().forEach(OpeningHours::requireDisjoint);
        boolean declared = weeklyHours.values().stream().anyMatch(hours -> !hours.isEmpty());
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, declared ? OpeningHours.merged(weeklyHours.getOrDefault(day, List.of())) : WHOLE_DAY);
        }
        for (SpecialDay special : specialDays) {
            List<OpeningHours> hours = new ArrayList<>(special.hours());
            if (!special.replacesWeeklyHours()) {
                hours.addAll(weekly.get(special.date().getDayOfWeek()));
            }
            if (this.specialDays.put(special.date(), OpeningHours.merged(hours)) != null) {
                throw new IllegalArgumentException("two special days on " + special.date());
            }
        }
        this.absences = absences.stream().sorted(Comparator.comparing(Absence::start)).toList();
        this.away = BusyTimes.of(absences.stream().map(Absence::period).toList());
    }

    /** Nothing declared: available whenever the centre is open. */
    public static ConsultantAvailability undeclared() {
        return new ConsultantAvailability(Map.of(), List.of(), List.of());
    }

    /** Whether the consultant can take {@code slot}, read in {@code zone} (the centre's). */
    public boolean covers(Slot slot, ZoneId zone) {
        ZonedDateTime start = slot.start().atZone(zone);
        return away.isFree(slot) && OpeningHours.anyHolds(hoursOn(start.toLocalDate()), start, slot.end().atZone(zone));
    }

    /**
     * Why the consultant cannot take {@code slot}, in French, naming the day, the hours and the
     * reason: « le consultant n'est pas disponible le mardi 24/11/2026 de 10:00 à 12:00 (absence :
     * congés) »; empty when {@link #covers} it.
     */
    public Optional<String> unavailability(Slot slot, ZoneId zone) {
        if (covers(slot, zone)) {
            return Optional.empty();
        }
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        String when = start.toLocalDate().equals(end.toLocalDate())
                ? "le " + FrenchDates.day(start.toLocalDate()) + " de " + FrenchDates.time(start.toLocalTime())
                        + " à " + FrenchDates.time(end.toLocalTime())
                : "du " + FrenchDates.day(start.toLocalDate()) + " à " + FrenchDates.time(start.toLocalTime())
                        + " au " + FrenchDates.day(end.toLocalDate()) + " à " + FrenchDates.time(end.toLocalTime());
        return Optional.of("le consultant n'est pas disponible " + when + " (" + reason(slot, start, end) + ")");
    }

    private String reason(Slot slot, ZonedDateTime start, ZonedDateTime end) {
        Optional<Absence> absence = absences.stream().filter(away -> away.period().overlaps(slot)).findFirst();
        if (absence.isPresent()) {
            return absence.get().label().isEmpty() ? "absence" : "absence : " + absence.get().label();
        }
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return "le créneau s'étend sur deux jours";
        }
        List<OpeningHours> hours = hoursOn(start.toLocalDate());
        if (hours.isEmpty()) {
            return "il ne reçoit pas ce jour-là";
        }
        return "ses horaires ce jour-là : " + hours.stream()
                .map(range -> "de " + FrenchDates.time(range.opens()) + " à " + FrenchDates.time(range.closes()))
                .collect(Collectors.joining(", "));
    }

    private List<OpeningHours> hoursOn(LocalDate date) {
        return specialDays.getOrDefault(date, weekly.get(date.getDayOfWeek()));
    }
}
