package fr.bilan.quality.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results as people read them, in French, one line per figure: what it is, its value (or why it is
 * not given) and what it is computed over. The one wording of the CSV and of the public page.
 */
final class FigureLines {

    /** What a hidden figure reads instead of its value. */
    static final String HIDDEN = "non communiqué (moins de " + Figure.FIGURE_MIN + " personnes)";
    /** The clock the dates are told in: the network's, in France. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private FigureLines() {
    }

    /**
     * One figure.
     *
     * @param label   what it is
     * @param figure  the figure
     * @param percent whether it is a rate (in %) rather than a count of people
     * @param over    what its sample counts ("bilans terminés")
     */
    record Line(String label, Figure figure, boolean percent, String over) {

        /** The value as written, in French ("87,5 %", "120"), or {@link #HIDDEN}. */
        String value() {
            if (!figure.shown()) {
                return HIDDEN;
            }
            return number() + (percent ? " %" : "");
        }

        /** The bare number, French decimal comma, for a spreadsheet; empty when hidden. */
        String number() {
            if (!figure.shown()) {
                return "";
            }
            return BigDecimal.valueOf(figure.value()).stripTrailingZeros().toPlainString().replace('.', ',');
        }

        String unit() {
            return percent ? "%" : "personnes";
        }
    }

    /** The figures of the cohort, then the situations at six months. */
    static List<Line> of(Results results) {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("Bénéficiaires dont le bilan s'est terminé sur la période", results.beneficiaries(), false,
                        "bilans terminés"),
                new Line("Taux d'achèvement", results.completionRate(), true, "bilans terminés"),
                new Line("Taux d'abandon", results.dropOutRate(), true, "bilans terminés"),
                new Line("Satisfaction en fin de bilan (à chaud)", results.satisfactionEndOfBilan(), true, "réponses"),
                new Line("Taux de réponse au questionnaire à chaud", results.responseRateEndOfBilan(), true,
                        "questionnaires envoyés"),
                new Line("Satisfaction six mois après (à froid)", results.satisfactionFollowUp(), true, "réponses"),
                new Line("Taux de réponse au questionnaire à froid", results.responseRateFollowUp(), true,
                        "questionnaires envoyés")));
        lines.addAll(situations(results));
        return lines;
    }

    /** The situations at six months, one line each. */
    static List<Line> situations(Results results) {
        return results.situations().stream().map(share -> new Line(share.situation().label(), share.share(), true,
                "entretiens de suivi tenus")).toList();
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String longDay(LocalDate day) {
        return (day.getDayOfMonth() == 1 ? "1er" + LONG_DAY.format(day).substring(1) : LONG_DAY.format(day));
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(PARIS));
    }

    static String longTime(Instant instant) {
        var local = instant.atZone(PARIS);
        return longDay(local.toLocalDate()) + " à " + DateTimeFormatter.ofPattern("HH'h'mm").format(local);
    }
}
