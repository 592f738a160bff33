package fr.bilan.notification.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Dates and times as a French letter writes them, in the centre's zone: « mardi 1er décembre 2026 »,
 * « 9 h », « 14 h 30 », and the zone named where it is one of the centres' (« heure de Paris »), since
 * a reader may be elsewhere.
 */
final class FrenchTimes {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    /** The zones of the centres (CentreSettings.ZONES) as a French reader names their time. */
    private static final Map<String, String> ZONE_NAMES = Map.of(
            "Europe/Paris", "heure de Paris",
            "Indian/Reunion", "heure de La Réunion",
            "America/Guadeloupe", "heure de la Guadeloupe",
            "America/Martinique", "heure de la Martinique",
            "America/Cayenne", "heure de la Guyane",
            "Indian/Mayotte", "heure de Mayotte");

    private FrenchTimes() {
    }

    /** « mardi 1er décembre 2026 »: the first of the month is an ordinal in French, the others are not. */
    static String date(LocalDate day) {
        String dayOfMonth = day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth());
        return WEEKDAY.format(day) + " " + dayOfMonth + " " + MONTH_YEAR.format(day);
    }

    static String date(Instant time, ZoneId zone) {
        return date(time.atZone(zone).toLocalDate());
    }

    /** « 9 h », « 14 h 30 »: the French way, with no minutes on the hour. */
    static String time(LocalTime time) {
        return time.getMinute() == 0 ? time.getHour() + " h" : String.format(Locale.FRENCH, "%d h %02d", time.getHour(),
                time.getMinute());
    }

    static String time(Instant time, ZoneId zone) {
        return time(time.atZone(zone).toLocalTime());
    }

    /** « heure de Paris »; empty for a zone that is none of the centres'. */
    static String zoneName(ZoneId zone) {
        return ZONE_NAMES.getOrDefault(zone.getId(), "");
    }
}
