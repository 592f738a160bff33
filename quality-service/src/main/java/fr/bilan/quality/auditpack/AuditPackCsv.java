package fr.bilan.quality.auditpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.bilan.quality.auditpack.AuditPack.ComplaintDates;
import fr.bilan.quality.auditpack.AuditPack.FollowUpDates;
import fr.bilan.quality.auditpack.AuditPack.Line;
import fr.bilan.quality.auditpack.AuditPack.SurveyDates;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;

/**
 * The audit pack as CSV for a French spreadsheet: UTF-8 (with the byte order mark by which Excel
 * recognises it), {@code ;}-separated, lines ended by CRLF (RFC 4180), a header line in French, then one
 * line per bilan; dates as {@code 31/12/2026}, durations in minutes (they add up), the phases each in
 * their own columns, several dates of a kind in one cell separated by {@code ", "}. The totals are the
 * PDF's: a spreadsheet sums its columns itself, and a totals line would be counted as a bilan.
 */
public final class AuditPackCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final char BOM = '\ufeff';
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<Phase, String> PHASES = Map.of(
            Phase.PRELIMINARY, "Phase préliminaire",
            Phase.INVESTIGATION, "Phase d'investigation",
            Phase.CONCLUSION, "Phase de conclusion",
            Phase.FOLLOW_UP, "Entretien de suivi");
    private static final List<Column> COLUMNS = columns();

    private AuditPackCsv() {
    }

    /** One column: its French header and what a line shows in it. */
    private record Column(String header, Function<Line, String> value) {
    }

    /** Writes {@code pack} to {@code out} (which it does not close). */
    public static void write(AuditPack pack, Writer out) {
        try {
            out.write(BOM);
            out.write(line(COLUMNS.stream().map(Column::header).toList()));
            for (Line line : pack.lines()) {
                out.write(line(COLUMNS.stream().map(column -> column.value().apply(line)).toList()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line's cells, in order. */
    static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Bilan (pseudonyme)", Line::pseudonym));
        columns.add(new Column("Convention signée le", line -> day(line.agreementSignDate())));
        columns.add(new Column("Début", line -> day(line.startDate())));
        columns.add(new Column("Fin", line -> day(line.endDate())));
        columns.add(new Column("Issue", line -> AuditPackLabels.outcome(line.outcome())));
        columns.add(new Column("Motif de l'arrêt", line -> line.dropOutReason().map(AuditPackLabels::dropOutReason).orElse("")));
        for (Phase phase : Phase.values()) {
            columns.add(new Column(PHASES.get(phase) + " : minutes prévues",
                    line -> line.hoursOf(phase).map(hours -> Integer.toString(hours.plannedMinutes())).orElse("")));
            columns.add(new Column(PHASES.get(phase) + " : minutes réalisées",
                    line -> line.hoursOf(phase).map(hours -> Integer.toString(hours.deliveredMinutes())).orElse("")));
        }
        columns.add(new Column("Séances prévues", line -> sum(line, PhaseHours::sessionsPlanned)));
        columns.add(new Column("Séances suivies", line -> sum(line, PhaseHours::sessionsAttended)));
        columns.add(new Column("Séances manquées", line -> sum(line, PhaseHours::sessionsMissed)));
        columns.add(new Column("Synthèse remise le", line -> day(line.synthesisHandoverDate())));
        survey(columns, "Enquête à chaud", SurveyDates.END_OF_BILAN);
        survey(columns, "Enquête à froid", SurveyDates.FOLLOW_UP);
        columns.add(new Column("Entretien de suivi : état",
                line -> followUp(line).map(f -> AuditPackLabels.followUpState(f.state())).orElse("")));
        columns.add(new Column("Entretien de suivi : échéance", line -> followUp(line).map(f -> day(f.dueDate())).orElse("")));
        columns.add(new Column("Entretien de suivi : proposé le", line -> followUp(line).map(f -> day(f.offerDate())).orElse("")));
        columns.add(new Column("Entretien de suivi : réponse le", line -> followUp(line).map(f -> day(f.answerDate())).orElse("")));
        columns.add(new Column("Entretien de suivi : tenu le", line -> followUp(line).map(f -> day(f.heldDate())).orElse("")));
        columns.add(new Column("Situation à six mois",
                line -> followUp(line).map(f -> AuditPackLabels.situation(f.situation())).orElse("")));
        columns.add(new Column("Réclamations", line -> Integer.toString(line.complaints().size())));
        columns.add(new Column("Réclamations : reçues le", line -> days(line.complaints().stream()
                .map(ComplaintDates::receivedDate).toList())));
        columns.add(new Column("Réclamations : accusé de réception le", line -> days(line.complaints().stream()
                .map(ComplaintDates::acknowledgedDate).toList())));
        columns.add(new Column("Réclamations : répondues le", line -> days(line.complaints().stream()
                .map(ComplaintDates::answeredDate).toList())));
        return List.copyOf(columns);
    }

    private static void survey(List<Column> columns, String name, String kind) {
        columns.add(new Column(name + " : état",
                line -> line.survey(kind).map(s -> AuditPackLabels.surveyState(s.state())).orElse("")));
        columns.add(new Column(name + " : envoyée le", line -> line.survey(kind).map(s -> day(s.sentDate())).orElse("")));
        columns.add(new Column(name + " : relances le", line -> line.survey(kind).map(s -> days(s.reminderDates())).orElse("")));
        columns.add(new Column(name + " : répondue le", line -> line.survey(kind).map(s -> day(s.answerDate())).orElse("")));
        columns.add(new Column(name + " : lien expiré ou expirant le",
                line -> line.survey(kind).filter(s -> s.answerDate() == null).map(s -> day(s.expireDate())).orElse("")));
    }

    private static Optional<FollowUpDates> followUp(Line line) {
        return Optional.ofNullable(line.followUp());
    }

    private static String sum(Line line, java.util.function.ToIntFunction<PhaseHours> count) {
        return Integer.toString(line.phases().stream().mapToInt(count).sum());
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** Several days in one cell, a missing one (a complaint not answered yet) as « — », so that complaints line up. */
    private static String days(List<LocalDate> days) {
        return days.stream().map(day -> day == null ? "—" : DAY.format(day)).collect(Collectors.joining(", "));
    }

    private static String line(List<String> cells) {
        return cells.stream().map(AuditPackCsv::cell).collect(Collectors.joining(";")) + "\r\n";
    }

    /** A cell quoted when it holds a separator, a quote or a line break (none of the pack's values should). */
    private static String cell(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
