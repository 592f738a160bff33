package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Centres, slots and calendars the calendar tests share. */
final class CalendarFixtures {

    static final Duration ONE_HOUR = Duration.ofHours(1);
    static final Duration TWO_HOURS = Duration.ofHours(2);
    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private CalendarFixtures() {
    }

    /** Open Monday to Friday, 09:00–12:30 and 14:00–18:00; sessions of 1 to 4 hours. */
    static CentreRules rules(CentreZone zone, int perWeek, int daysBetween) {
        Map<DayOfWeek, List<OpeningHours>> open = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : WEEKDAYS) {
            open.put(day, List.of(hours("09:00", "12:30"), hours("14:00", "18:00")));
        }
        return new CentreRules(zone, open, Duration.ofMinutes(60), Duration.ofMinutes(240), perWeek, daysBetween);
    }

    static OpeningHours hours(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    static Instant instant(CentreZone zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone.zone()).toInstant();
    }

    /** A slot at a local time of the centre's zone. */
    static Slot at(CentreZone zone, String localDateTime, Duration duration) {
        return new Slot(instant(zone, localDateTime), duration);
    }

    /** A slot's start, as the centre's clock reads it. */
    static LocalDateTime local(CentreZone zone, Slot slot) {
        return slot.start().atZone(zone.zone()).toLocalDateTime();
    }

    /**
     * A consultant's year of sessions: every weekday of {@code year}, five of an hour, at 09:00,
     * 10:00, 14:00, 15:00 and 16:00 local time, leaving 11:00–12:30 and 17:00–18:00 free.
     */
    static List<Slot> yearOfSessions(CentreZone zone, int year) {
        List<Slot> sessions = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (WEEKDAYS.contains(day.getDayOfWeek())) {
                for (int hour : List.of(9, 10, 14, 15, 16)) {
                    sessions.add(new Slot(day.atTime(hour, 0).atZone(zone.zone()).toInstant(), ONE_HOUR));
                }
            }
        }
        return sessions;
    }
}
