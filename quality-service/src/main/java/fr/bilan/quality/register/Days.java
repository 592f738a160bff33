package fr.bilan.quality.register;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Days as the register's French answers write them. */
public final class Days {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Days() {
    }

    public static String french(LocalDate day) {
        return day.format(FRENCH);
    }
}
