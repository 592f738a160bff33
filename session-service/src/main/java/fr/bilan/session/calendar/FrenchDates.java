package fr.bilan.session.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days and times as a French reader writes them: « mardi 24/11/2026 », « 09:00 ». */
public final class FrenchDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/uuuu", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);

    private FrenchDates() {
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }
}
