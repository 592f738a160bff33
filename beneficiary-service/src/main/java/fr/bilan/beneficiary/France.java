package fr.bilan.beneficiary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the law counts days and how a French reader expects dates and amounts: days are those of
 * Europe/Paris (a deadline ends at midnight there, whatever the server's zone or the daylight
 * saving change), dates read dd/MM/yyyy, amounts in euros with a comma.
 */
public final class France {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private France() {
    }

    /** Today in Paris by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The instant {@code day} begins in Paris (00:00, or the first instant after a gap). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** 05/03/2026. */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** 1 600,00 €. */
    public static String euros(long cents) {
        return String.format(Locale.FRANCE, "%,.2f €", cents / 100.0);
    }
}
