package fr.bilan.quality.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results as CSV for a French spreadsheet: UTF-8 with a byte order mark (without it, Excel reads the
 * accents as Windows-1252), {@code ;} between fields (the comma is the decimal separator), CRLF line ends,
 * one figure per line, each line carrying the centre, the period and when it was computed.
 */
final class ResultsCsv {

    static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("Centre", "Première fin de bilan comptée",
            "Dernière fin de bilan comptée", "Calculé le (heure de Paris)", "Indicateur", "Valeur", "Unité",
            "Effectif", "Effectif compté en");

    private ResultsCsv() {
    }

    static byte[] of(Results results) {
        StringBuilder csv = new StringBuilder(BOM).append(row(HEADER));
        for (FigureLines.Line line : FigureLines.of(results)) {
            csv.append(row(List.of(results.name(), FigureLines.day(results.period().firstDay()),
                    FigureLines.day(results.period().lastDay()), FigureLines.time(results.computeTime()), line.label(),
                    line.figure().shown() ? line.number() : FigureLines.HIDDEN, line.unit(),
                    Long.toString(line.figure().sampleSize()), line.over())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(List<String> fields) {
        return fields.stream().map(ResultsCsv::field).collect(Collectors.joining(";")) + "\r\n";
    }

    /** A field quoted when it must be; a text a spreadsheet would take for a formula is kept as text. */
    private static String field(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
