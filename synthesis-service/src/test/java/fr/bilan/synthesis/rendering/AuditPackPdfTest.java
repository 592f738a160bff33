package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import fr.bilan.proto.synthesis.internal.v1.AuditPack;
import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.support.testing.FieldErrors;

/** The audit pack as an auditor reads it: totals, then one row per pseudonymised bilan, dates only. */
class AuditPackPdfTest {

    private static final PdfRenderer RENDERER = Samples.renderer();
    private static final byte[] PDF = RENDERER.renderAuditPack(Samples.auditPackPrint(Samples.auditPack(30)));
    private static final List<String> PAGES = Pdfs.pages(PDF);
    private static final String TEXT = Pdfs.flat(PAGES);

    @Test
    void opensWithThePeriodAndTheCentresTotals() {
        assertThat(TEXT).containsSubsequence("Dossier d'audit qualité",
                "Bilans de compétences en cours du 01/01/2026 au 31/12/2026, établi le 15/01/2027 à 10:30",
                "Totaux du centre", "Bilans du dossier 30 (15 terminés, 8 arrêts anticipés, 7 en cours)",
                "Conventions signées 30", "Heures réalisées / prévues", "690 h / 720 h",
                "Séances suivies / manquées 330 / 30", "Synthèses remises 15",
                "Enquêtes à chaud répondues / envoyées 1 / 15 (7 %)", "Enquêtes à froid répondues / envoyées 1 / 1 (100 %)",
                "Entretiens de suivi tenus 1", "Réclamations répondues / reçues 1 / 1");
    }

    @Test
    void givesEachBilanItsDatesHoursSurveysFollowUpAndComplaintsUnderItsPseudonym() {
        assertThat(TEXT).containsSubsequence("B-003a9f00c1", "05/01/2026", "12/01/2026", "27/03/2026", "Terminé",
                "Prél. 4 h / 4 h", "Invest. 15 h / 16 h", "Concl. 4 h / 4 h", "Suivi 1 h / 1 h", "12 / 1",
                "27/03/2026", "Répondue", "envoyée 28/03/2026", "répondue 02/04/2026",
                "Répondue", "envoyée 06/10/2026", "répondue 08/10/2026",
                "Tenu", "échéance 27/09/2026", "proposé 27/09/2026", "réponse 29/09/2026",
                "tenu 06/10/2026", "situation : en formation",
                "reçue 03/02/2026", "accusé 04/02/2026", "réponse 10/02/2026");
        // the second withdrew: the outcome says why; its survey and follow-up do not exist
        assertThat(TEXT).containsSubsequence("B-003a9f1fb0", "Arrêt anticipé : Retrait à la demande du bénéficiaire",
                "Invest. 6 h / 16 h", "5 / 1");
        // a lapsed survey: its reminders and the day it lapsed
        assertThat(TEXT).containsSubsequence("Expirée sans réponse", "envoyée 28/06/2026",
                "relance 04/07/2026", "relance 11/07/2026", "expiration 18/07/2026");
    }

    @Test
    void runsOnLandscapePagesEachWithTheColumnsThePackAndThePeriod() throws IOException {
        assertThat(PAGES).hasSizeGreaterThan(2);
        Pdfs.assertEveryPage(PAGES, "Dossier d'audit qualité — bilans de compétences du 01/01/2026 au 31/12/2026",
                "Bilans pseudonymisés : ni nom, ni contenu de bilan, ni réponse aux enquêtes.");
        try (PDDocument document = Pdfs.open(PDF)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getMediaBox().getHeight());
            }
            // the table's header row is repeated on each page the table runs over
            for (int page = 1; page < PAGES.size(); page++) {
                assertThat(Pdfs.taggedText(document.getPage(page)).replace('\u00a0', ' '))
                        .as("page %d", page + 1).contains("Convention signée le", "Heures réalisées / prévues");
            }
        }
    }

    @Test
    void saysHowToReadItOnTheFirstPageTheBilansFromTheSecond() {
        assertThat(Pdfs.flat(PAGES.subList(0, 1))).containsSubsequence("Totaux du centre", "Lecture du dossier",
                "Un bilan figure au dossier quand son action a eu lieu, au moins en partie, pendant la période.",
                "Seules les dates et l'existence d'une réponse figurent, jamais les réponses.")
                .doesNotContain("B-003a9f00c1");
        assertThat(Pdfs.flat(PAGES.subList(1, 2))).containsSubsequence("Bilans", "30 bilans en cours du 01/01/2026 au "
                + "31/12/2026", "Bilan Convention signée le Début Fin Issue", "B-003a9f00c1");
    }

    @Test
    void anEmptyPackSaysSo() {
        String text = Pdfs.flat(Pdfs.pages(RENDERER.renderAuditPack(Samples.auditPackPrint(Samples.auditPack(0)))));
        assertThat(text).contains("Bilans du dossier 0 (0 terminé, 0 arrêt anticipé, 0 en cours)",
                "Enquêtes à chaud répondues / envoyées 0 / 0", "Aucun bilan n'était en cours pendant la période.")
                .doesNotContain("Convention signée le");
    }

    @Test
    void aDateThatIsNoDayIsRefusedNamingItsField() {
        AuditPack pack = Samples.auditPack(2);
        AuditPack wrong = pack.toBuilder().setBilans(1, AuditPackBilan.newBuilder(pack.getBilans(1))
                .setEndDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(2).setDay(30))).build();

        assertThat(FieldErrors.fieldsOf(() -> Samples.auditPackPrint(wrong))).containsExactly("pack.bilans[1].end_date");
    }
}
