package fr.bilan.quality.auditpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.quality.auditpack.AuditPack.ComplaintDates;
import fr.bilan.quality.auditpack.AuditPack.FollowUpDates;
import fr.bilan.quality.auditpack.AuditPack.Line;
import fr.bilan.quality.auditpack.AuditPack.SurveyDates;
import fr.bilan.quality.auditpack.AuditPack.Totals;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;

/** The pack's lines, its totals and its CSV, without MongoDB nor gRPC. */
class AuditPackTest {

    private static final Line COMPLETED = new Line("B-00000000a1", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 3, 27), Outcome.COMPLETED,
            List.of(new PhaseHours(Phase.PRELIMINARY, 240, 240, 2, 2, 0),
                    new PhaseHours(Phase.INVESTIGATION, 960, 900, 8, 7, 1),
                    new PhaseHours(Phase.CONCLUSION, 240, 240, 2, 2, 0),
                    new PhaseHours(Phase.FOLLOW_UP, 60, 60, 1, 1, 0)),
            LocalDate.of(2026, 3, 27),
            List.of(new SurveyDates("END_OF_BILAN", "ANSWERED", LocalDate.of(2026, 3, 28),
                    List.of(LocalDate.of(2026, 4, 4)), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 11)),
                    new SurveyDates("FOLLOW_UP", "LAPSED", LocalDate.of(2026, 10, 1),
                            List.of(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 15)), null, LocalDate.of(2026, 10, 22))),
            new FollowUpDates("HELD", LocalDate.of(2026, 9, 27), LocalDate.of(2026, 9, 27), LocalDate.of(2026, 9, 29),
                    LocalDate.of(2026, 10, 6), "NEW_JOB"),
            List.of(new ComplaintDates(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 10)),
                    new ComplaintDates(LocalDate.of(2026, 3, 1), null, null)));
    private static final Line WITHDRAWN = new Line("B-00000000b2", null, LocalDate.of(2026, 2, 2),
            LocalDate.of(2026, 2, 20), Outcome.WITHDRAWN, List.of(new PhaseHours(Phase.PRELIMINARY, 240, 120, 2, 1, 1)),
            null, List.of(), null, List.of());
    private static final Line UNDER_WAY = new Line("B-00000000c3", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9),
            null, Outcome.IN_PROGRESS, List.of(new PhaseHours(Phase.PRELIMINARY, 120, 120, 1, 1, 0)), null,
            List.of(new SurveyDates("END_OF_BILAN", "PLANNED", null, List.of(), null, null)), null, List.of());
    private static final AuditPack PACK = new AuditPack("centre-lyon",
            new AuditPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)), Instant.parse("2027-01-15T09:30:00Z"),
            ZoneId.of("Europe/Paris"), List.of(COMPLETED, WITHDRAWN, UNDER_WAY), Totals.of(List.of(COMPLETED, WITHDRAWN,
                    UNDER_WAY)));

    @ParameterizedTest
    @CsvSource({ "IN_PROGRESS,", "COMPLETED,", "WITHDRAWN, WITHDRAWAL", "ABANDONED, ABANDONMENT",
        "INTERRUPTED, FORCE_MAJEURE" })
    void aDropOutsReasonIsItsSideExit(Outcome outcome, String reason) {
        Line line = new Line("B-0000000000", null, null, null, outcome, List.of(), null, List.of(), null, List.of());

        assertThat(line.dropOutReason()).isEqualTo(Optional.ofNullable(reason));
    }

    @Test
    void totalsCountTheActionsHoursEverySessionAndWhatWasSentAnsweredHeld() {
        assertThat(PACK.totals()).isEqualTo(new Totals(3, 1, 1, 1,
                240 + 960 + 240 + 240 + 120, 240 + 900 + 240 + 120 + 120, // the follow-up's hour is outside the action
                2 + 7 + 2 + 1 + 1 + 1, 1 + 1, 2, 1,
                1, 1, // à chaud: the planned one was not sent
                1, 0, // à froid: sent, lapsed
                1, 2, 1));
    }

    @Test
    void theCsvHasAFrenchHeaderThenALinePerBilan() {
        StringWriter out = new StringWriter();
        AuditPackCsv.write(PACK, out);
        String csv = out.toString();

        assertThat(csv).startsWith("\ufeffBilan (pseudonyme);Convention signée le;Début;Fin;Issue;Motif de l'arrêt;"
                + "Phase préliminaire : minutes prévues;Phase préliminaire : minutes réalisées;");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.split("\r\n", -1)).hasSize(5);
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line.split(";", -1))
                .hasSize(AuditPackCsv.headers().size()));
        List<String> headers = AuditPackCsv.headers();
        assertThat(cells(lines.get(1), headers)).containsEntry("Bilan (pseudonyme)", "B-00000000a1")
                .containsEntry("Convention signée le", "05/01/2026").containsEntry("Fin", "27/03/2026")
                .containsEntry("Issue", "Terminé").containsEntry("Motif de l'arrêt", "")
                .containsEntry("Phase d'investigation : minutes prévues", "960")
                .containsEntry("Phase d'investigation : minutes réalisées", "900")
                .containsEntry("Entretien de suivi : minutes réalisées", "60")
                .containsEntry("Séances suivies", "12").containsEntry("Séances manquées", "1")
                .containsEntry("Synthèse remise le", "27/03/2026")
                .containsEntry("Enquête à chaud : état", "Répondue").containsEntry("Enquête à chaud : répondue le", "06/04/2026")
                .containsEntry("Enquête à chaud : lien expiré ou expirant le", "")
                .containsEntry("Enquête à froid : état", "Expirée sans réponse")
                .containsEntry("Enquête à froid : relances le", "08/10/2026, 15/10/2026")
                .containsEntry("Enquête à froid : lien expiré ou expirant le", "22/10/2026")
                .containsEntry("Entretien de suivi : état", "Tenu").containsEntry("Entretien de suivi : tenu le", "06/10/2026")
                .containsEntry("Situation à six mois", "Nouvel emploi").containsEntry("Réclamations", "2")
                .containsEntry("Réclamations : reçues le", "03/02/2026, 01/03/2026")
                .containsEntry("Réclamations : répondues le", "10/02/2026, —");
        assertThat(cells(lines.get(2), headers)).containsEntry("Issue", "Arrêt anticipé")
                .containsEntry("Motif de l'arrêt", "Retrait à la demande du bénéficiaire")
                .containsEntry("Convention signée le", "").containsEntry("Phase d'investigation : minutes prévues", "")
                .containsEntry("Enquête à chaud : état", "").containsEntry("Entretien de suivi : état", "")
                .containsEntry("Réclamations", "0");
        assertThat(cells(lines.get(3), headers)).containsEntry("Issue", "En cours").containsEntry("Fin", "")
                .containsEntry("Enquête à chaud : état", "Prévue").containsEntry("Enquête à chaud : envoyée le", "");
    }

    private static java.util.Map<String, String> cells(String line, List<String> headers) {
        String[] cells = line.split(";", -1);
        java.util.Map<String, String> byHeader = new java.util.HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byHeader.put(headers.get(i), cells[i]);
        }
        return byHeader;
    }
}
