package fr.bilan.synthesis.rendering;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.bilan.synthesis.content.Content.Feasibility;
import fr.bilan.synthesis.content.Content.Horizon;
import fr.bilan.synthesis.rendering.AgreementPrint.Method;

/** How the documents write dates, amounts and the contract's words, in French. */
final class French {

    /** No-break space: keeps « 1 600,00 € » and « 24 heures » on one line. */
    static final String NBSP = "\u00a0";

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final Map<Enum<?>, String> LABELS = Map.ofEntries(
            Map.entry(Feasibility.HIGH, "Réalisable à court terme"),
            Map.entry(Feasibility.CONDITIONAL, "Réalisable sous conditions"),
            Map.entry(Feasibility.LOW, "Difficilement réalisable en l'état"),
            Map.entry(Horizon.SHORT_TERM, "Court terme"),
            Map.entry(Horizon.MEDIUM_TERM, "Moyen terme"),
            Map.entry(Horizon.LONG_TERM, "Long terme"),
            Map.entry(Method.SIGNED_FORM, "formulaire signé"),
            Map.entry(Method.E_SIGNATURE, "signature électronique"),
            Map.entry(Method.IN_APP, "dans l'application"));

    private French() {
    }

    /** « 05/01/2027 ». */
    static String date(LocalDate day) {
        return SHORT_DATE.format(day);
    }

    /** « 23 novembre 2026 », « 1er décembre 2026 ». */
    static String longDate(LocalDate day) {
        return (day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth())) + " " + MONTH_YEAR.format(day);
    }

    /** « 6 h », « 4 h 30 », « 0 h 45 »: hours and minutes, as French readers write a duration. */
    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        long rest = minutes % 60;
        return minutes / 60 + NBSP + "h" + (rest == 0 ? "" : NBSP + String.format(Locale.ROOT, "%02d", rest));
    }

    /** « 1 600,00 € » from 160000 cents (no-break spaces, so that Liberation's glyphs cover it). */
    static String euros(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + group(Long.toString(abs / 100)) + "," + String.format(Locale.ROOT, "%02d", abs % 100) + NBSP + "€";
    }

    /** « 123 456 789 00012 » for a 14-digit SIRET; anything else as given. */
    static String siret(String siret) {
        String digits = siret.replace(" ", "");
        if (!digits.matches("\\d{14}")) {
            return siret;
        }
        return digits.substring(0, 3) + NBSP + digits.substring(3, 6) + NBSP + digits.substring(6, 9) + NBSP
                + digits.substring(9);
    }

    /** « a », « a et b », « a, b et c ». */
    static String enumeration(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }

    /** What the enums print as; {@code unset} for a value without words (none, unspecified). */
    static String label(Enum<?> value, String unset) {
        return value == null ? unset : LABELS.getOrDefault(value, unset);
    }

    private static String group(String digits) {
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            grouped.append(NBSP).append(digits, i, i + 3);
        }
        return grouped.toString();
    }
}
