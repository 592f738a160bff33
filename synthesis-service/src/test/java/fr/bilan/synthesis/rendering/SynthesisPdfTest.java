package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.synthesis.v1.CareerProject;
import fr.bilan.proto.synthesis.v1.Feasibility;
import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.Content;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.Training;

class SynthesisPdfTest {

    private static final PdfRenderer RENDERER = Samples.renderer();
    private static final List<String> PAGES = Pdfs.pages(RENDERER.renderSynthesis(Samples.synthesis()));
    /** Line ends kept: a line break typed must stay one. */
    private static final String TEXT = String.join("\n", PAGES);

    @Test
    void sectionsComeInTheOrderOfR6313_4() {
        assertThat(TEXT).containsSubsequence("Document de synthèse du bilan de compétences",
                "Bénéficiaire : Chloé Lefèvre-Nguyễn", "Consultant(e) : Benoît Œhlenschläger", "Période du bilan",
                "Heures d'accompagnement réalisées", "La demande et son contexte",
                "Le parcours professionnel", "Les compétences", "Savoirs", "Savoir-faire", "Savoir-être",
                "Les intérêts et motivations", "Le projet professionnel principal", "Les projets alternatifs",
                "Les conditions et moyens favorisant la réalisation du projet", "Le plan d'action",
                "Les besoins de formation et la VAE", "Le suivi proposé", "Observations du bénéficiaire",
                "Fait le 23 novembre 2026", "Version du document : 2");
    }

    @Test
    void theFirstPageSaysWhoseBilanWhoLedItWhenItRanAndItsHoursPerPhase() {
        assertThat(Pdfs.flat(PAGES.subList(0, 1))).containsSubsequence("Document de synthèse du bilan de compétences",
                "Bénéficiaire : Chloé Lefèvre-Nguyễn", "Consultant(e) : Benoît Œhlenschläger",
                "Période du bilan : depuis le 14 septembre 2026, en cours à la date du document",
                "Heures d'accompagnement réalisées à la date du document",
                "Phase préliminaire Phase d'investigation Phase de conclusion Total", "6 h 12 h 4 h 30 22 h 30",
                "La demande et son contexte");

        BilanCourse ended = new BilanCourse(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 1), Duration.ofHours(3),
                Duration.ofMinutes(9 * 60 + 45), Duration.ofMinutes(45));
        String endedText = Pdfs.flat(Pdfs.pages(RENDERER.renderSynthesis(new SynthesisPrint(Samples.CENTRE, "Ana Ruiz",
                "Léo Martin", ended, LocalDate.of(2026, 12, 1), 1, Samples.domain(Samples.content()), ""))).subList(0, 1));
        assertThat(endedText).containsSubsequence("Bénéficiaire : Ana Ruiz", "Consultant(e) : Léo Martin",
                "Période du bilan : du 1er septembre 2026 au 1er janvier 2027", "Heures d'accompagnement réalisées Phase",
                "3 h 9 h 45 0 h 45 13 h 30").doesNotContain("à la date du document");
    }

    @Test
    void theBilansPeriodReadsAsFrenchDoes() {
        LocalDate start = LocalDate.of(2026, 9, 14);
        LocalDate end = LocalDate.of(2026, 12, 18);
        assertThat(SynthesisHtml.period(course(start, end))).isEqualTo("du 14 septembre 2026 au 18 décembre 2026");
        assertThat(SynthesisHtml.period(course(start, null)))
                .isEqualTo("depuis le 14 septembre 2026, en cours à la date du document");
        assertThat(SynthesisHtml.period(course(null, null))).isEqualTo("en cours");
        assertThat(SynthesisHtml.period(course(null, end))).isEqualTo("achevé le 18 décembre 2026");
        assertThat(French.hours(Duration.ZERO)).isEqualTo("0\u00a0h");
        assertThat(French.hours(Duration.ofMinutes(45))).isEqualTo("0\u00a0h\u00a045");
        assertThat(French.hours(Duration.ofMinutes(24 * 60 + 5))).isEqualTo("24\u00a0h\u00a005");
    }

    @Test
    void theCentresIdentityIsPrintedOnceOnEachPage() {
        assertThat(PAGES).hasSizeGreaterThan(1);
        for (int page = 0; page < PAGES.size(); page++) {
            String text = Pdfs.flat(PAGES.subList(page, page + 1));
            assertThat(occurrences(text, "Bilans & Parcours — Centre de Lyon Part-Dieu")).as("page %d", page + 1)
                    .isEqualTo(1);
            assertThat(occurrences(text, "84691234569")).as("page %d", page + 1).isEqualTo(1);
            assertThat(occurrences(text, "12, rue de la Villette")).as("page %d", page + 1).isEqualTo(1);
        }
    }

    @Test
    void theContentPrintsWithItsAccentsAndLineBreaks() {
        assertThat(TEXT).contains("« redonner du sens »", "déménagement du siège", "Capacité à gérer les priorités",
                "Immeuble « Le Français », 3e étage", "Œhlenschläger",
                "Titre professionnel Assistant ressources humaines", "Module « Recrutement et marque employeur »",
                "Une VAE partielle du titre est envisageable")
                // a line break typed in the observations stays one
                .contains("Je remercie mon consultant pour son écoute.\nJe souhaite garder une copie");
        assertThat(TEXT).contains("Bilans & Parcours — Centre de Lyon Part-Dieu", "12, rue de la Villette",
                "69003 Lyon", "Déclaration d'activité n° 84691234569");
    }

    @Test
    void theRiasecProfileIsATableWithTheHollandCode() {
        assertThat(TEXT).containsSubsequence("Profil RIASEC (scores sur 100)", "Type Lettre Score", "Réaliste R 22",
                "Investigateur I 41", "Artistique A 35", "Social S 86", "Entreprenant E 64", "Conventionnel C 58",
                "Code de Holland : SEC");
    }

    @Test
    void theHollandCodeBreaksTiesInTheRiasecOrder() {
        Content.Riasec tie = new Content.Riasec(50, 70, 50, 70, 10, 50);
        assertThat(SynthesisHtml.hollandCode(SynthesisHtml.RiasecType.of(tie))).isEqualTo("ISR");
    }

    @Test
    void projectsSayHowFeasibleTheyAreInFrench() {
        assertThat(TEXT).containsSubsequence("Chargée de ressources humaines en PME", "Faisabilité : Réalisable sous conditions",
                "Conseillère en insertion professionnelle", "Faisabilité : Difficilement réalisable en l'état");
        SynthesisContent high = SynthesisContent.newBuilder().setMainProject(CareerProject.newBuilder()
                .setTitle("Comptable").setFeasibility(Feasibility.HIGH)).build();
        assertThat(Pdfs.text(RENDERER.renderSynthesis(print(high, "")))).contains("Faisabilité : Réalisable à court terme");
    }

    @Test
    void theActionPlanIsATableWithHorizonsAndFrenchDates() {
        assertThat(TEXT).containsSubsequence("Étapes du plan d'action", "Étape Échéance Date",
                "Rencontrer deux responsables RH de PME (enquêtes métier) Court terme 18/12/2026",
                "S'inscrire au titre professionnel Assistant RH Moyen terme 01/03/2027",
                "Candidater à un poste de chargée RH Long terme 31/12/2027");
        assertThat(TEXT).contains("Un entretien de suivi est proposé le 25/05/2027.");
    }

    @Test
    void everyPageCarriesTheCentreTheNoticeAndItsNumber() {
        assertThat(PAGES).hasSizeGreaterThan(1);
        Pdfs.assertEveryPage(PAGES, "Bilans & Parcours — Centre de Lyon Part-Dieu", "Déclaration d'activité n° 84691234569",
                "Document confidentiel — remis au seul bénéficiaire (article L6313-4 du Code du travail). Sa "
                        + "communication à un tiers requiert l'accord du bénéficiaire.");
    }

    @Test
    void emptyOptionalSectionsAreLeftOut() {
        SynthesisContent minimal = SynthesisContent.newBuilder().setRequestContext("Une reconversion.")
                .setTraining(Training.newBuilder().addTrainingNeeds("  ")).build();
        String minimalText = Pdfs.text(RENDERER.renderSynthesis(print(minimal, "  \n ")));
        assertThat(minimalText).contains("La demande et son contexte", "Une reconversion.", "Fait le 1er décembre 2026")
                .doesNotContain("Le parcours professionnel", "Les compétences", "Les intérêts et motivations",
                        "Le projet professionnel principal", "Les projets alternatifs", "Les conditions et moyens",
                        "Le plan d'action", "Les besoins de formation", "Le suivi proposé", "Observations du bénéficiaire",
                        "Savoirs", "RIASEC", "Faisabilité");
    }

    @Test
    void rendersConcurrentlyToTheSameText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> renders = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> RENDERER.renderSynthesis(Samples.synthesis()))).toList();
            for (Future<byte[]> render : renders) {
                assertThat(Pdfs.pages(render.get())).isEqualTo(PAGES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SynthesisPrint print(SynthesisContent content, String observations) {
        return new SynthesisPrint(Samples.CENTRE, "Ana Ruiz", "Léo Martin", Samples.COURSE, LocalDate.of(2026, 12, 1), 1,
                Samples.domain(content), observations);
    }

    private static BilanCourse course(LocalDate start, LocalDate end) {
        return new BilanCourse(start, end, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
