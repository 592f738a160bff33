package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.quality.results.CohortCounts.SurveyCounts;

/** The CSV a French spreadsheet opens: BOM, semicolons, French labels, dates, period and sample sizes. */
class ResultsCsvTest {

    @Test
    void oneFigurePerLineWithThePeriodAndTheSampleSizes() {
        byte[] csv = ResultsCsv.of(Results.of("centre-lyon", "Centre de Lyon; Part-Dieu", ResultsTest.YEAR,
                ResultsTest.COMPUTED, ResultsTest.aYear()));

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).containsExactly(
                "Centre;Première fin de bilan comptée;Dernière fin de bilan comptée;Calculé le (heure de Paris);"
                        + "Indicateur;Valeur;Unité;Effectif;Effectif compté en",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;"
                        + "Bénéficiaires dont le bilan s'est terminé sur la période;40;personnes;40;bilans terminés",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Taux d'achèvement;85;%;40;bilans terminés",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Taux d'abandon;15;%;40;bilans terminés",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Satisfaction en fin de bilan (à chaud);87,5;%;24;réponses",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Taux de réponse au questionnaire à chaud;73,5;%;34;questionnaires envoyés",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Satisfaction six mois après (à froid);"
                        + "non communiqué (moins de 5 personnes);%;4;réponses",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Taux de réponse au questionnaire à froid;13,3;%;30;questionnaires envoyés",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Projet en cours de réalisation;10;%;10;entretiens de suivi tenus",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;En formation;30;%;10;entretiens de suivi tenus",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Dans un nouvel emploi;60;%;10;entretiens de suivi tenus",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Toujours en recherche;0;%;10;entretiens de suivi tenus",
                "\"Centre de Lyon; Part-Dieu\";01/01/2026;31/12/2026;05/01/2027 10:30;Autre situation;0;%;10;entretiens de suivi tenus");
    }

    @Test
    void aNameASpreadsheetWouldTakeForAFormulaStaysText() {
        byte[] csv = ResultsCsv.of(Results.of("centre-x", "=HYPERLINK(\"http://x\")", ResultsTest.YEAR,
                ResultsTest.COMPUTED, new CohortCounts(0, 0, 0, SurveyCounts.NONE, SurveyCounts.NONE, Map.of())));

        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")[1])
                .startsWith("\"'=HYPERLINK(\"\"http://x\"\")\";");
    }
}
