package fr.bilan.notification.planning;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.notification.reminders.*}: the hour reminders go at, in each centre's zone.
 *
 * @param hour        the hour of every centre without its own (default 10:00)
 * @param centreHours a centre's own hour, by centre id ({@code centre-hours.centre-lyon: "18:00"})
 */
@ConfigurationProperties(prefix = "bilan.notification.reminders", ignoreUnknownFields = false)
public record ReminderProperties(LocalTime hour, Map<String, LocalTime> centreHours) {

    public ReminderProperties {
        hour = hour == null ? LocalTime.of(10, 0) : hour;
        centreHours = centreHours == null ? Map.of() : Map.copyOf(centreHours);
    }
}
