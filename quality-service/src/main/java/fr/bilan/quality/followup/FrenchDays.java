package fr.bilan.quality.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A day as a French sentence says it: « 4 mai 2027 ». */
final class FrenchDays {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private FrenchDays() {
    }

    static String of(LocalDate day) {
        return DAY.format(day);
    }
}
