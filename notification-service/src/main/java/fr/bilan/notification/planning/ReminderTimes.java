package fr.bilan.notification.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * When reminders go, in each centre's clock: the day before a session, and two days before an
 * agreement's last day, at the centre's reminder hour (one for all centres, overridable per centre).
 */
public final class ReminderTimes {

    /** An agreement's reminder goes this many days before its last day to sign. */
    static final int AGREEMENT_REMINDER_DAYS_BEFORE = 2;

    private final Function<String, ZoneId> zones;
    private final LocalTime defaultHour;
    private final Map<String, LocalTime> centreHours;

    /**
     * @param zones       each centre's zone
     * @param defaultHour the reminder hour of a centre without its own
     * @param centreHours the centres' own reminder hours
     */
    public ReminderTimes(Function<String, ZoneId> zones, LocalTime defaultHour, Map<String, LocalTime> centreHours) {
        this.zones = Objects.requireNonNull(zones);
        this.defaultHour = Objects.requireNonNull(defaultHour);
        this.centreHours = Map.copyOf(centreHours);
    }

    public ZoneId zone(String centreId) {
        return zones.apply(centreId);
    }

    public LocalTime hour(String centreId) {
        return centreHours.getOrDefault(centreId, defaultHour);
    }

    /** The day it is at the centre at {@code now}. */
    public LocalDate today(String centreId, Instant now) {
        return now.atZone(zone(centreId)).toLocalDate();
    }

    /** The reminder of a session starting at {@code start}: the day before, at the centre's hour. */
    public Instant sessionReminder(String centreId, Instant start) {
        LocalDate day = start.atZone(zone(centreId)).toLocalDate().minusDays(1);
        return day.atTime(hour(centreId)).atZone(zone(centreId)).toInstant();
    }

    /** The reminder of an agreement whose last day is {@code deadline}: two days before, at the centre's hour. */
    public Instant agreementReminder(String centreId, LocalDate deadline) {
        return deadline.minusDays(AGREEMENT_REMINDER_DAYS_BEFORE).atTime(hour(centreId)).atZone(zone(centreId))
                .toInstant();
    }
}
