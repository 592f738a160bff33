package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.quality.results.CohortCounts.SurveyCounts;
import fr.bilan.support.testing.HeadlessChromium;

/**
 * The public page of a publication: French, a real table with its caption and headers, the period, the
 * dates and the sample sizes, hidden figures said so, no script; screenshot in headless Chromium for a
 * person to look at ({@code results-shots/} under the temporary directory), skipped where Chromium is missing.
 */
class PublishedPageTest {

    private static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "results-shots");
    static final Instant PUBLISHED = Instant.parse("2027-01-05T09:45:00Z");

    static Publication aPublication() {
        return new Publication("q1w2e3r4t5y6u7i8o9p0aB", Results.of("centre-lyon", "Centre de Lyon", ResultsTest.YEAR,
                ResultsTest.COMPUTED, ResultsTest.aYear()), PUBLISHED, "key");
    }

    static String page(Publication publication) {
        return new String(new PublishedPage().render(publication), StandardCharsets.UTF_8);
    }

    @Test
    void theFiguresAreInATableWithThePeriodTheDatesAndTheSampleSizes() {
        String html = page(aPublication());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">")
                .contains("<title>Résultats des bilans de compétences – Centre de Lyon</title>")
                .contains("<caption>Centre de Lyon : résultats des bilans terminés du 1er janvier 2026 au 31 décembre 2026</caption>")
                .contains("<th scope=\"col\">Indicateur</th>")
                .contains("<th scope=\"row\">Taux d&#39;achèvement</th>")
                .contains("<td class=\"value\">85 %</td>")
                .contains("<td>40 bilans terminés</td>")
                .contains("<td class=\"value\">87,5 %</td>")
                .contains("<td>24 réponses</td>")
                .contains("<td class=\"hidden\">non communiqué (moins de 5 personnes)</td>")
                .contains("<td>4 réponses</td>")
                .contains("<th scope=\"row\">Dans un nouvel emploi</th>")
                .contains("Bilans terminés du 1er janvier 2026 au 31 décembre 2026.")
                .contains("Chiffres calculés le 5 janvier 2027 à 10h30, publiés le 5 janvier 2027 à 10h45 (heure de Paris).")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("centre-lyon");
    }

    @Test
    void theNetworksPageSaysItIsTheNetworks() {
        String html = page(new Publication("q1w2e3r4t5y6u7i8o9p0aB", Results.of("", "Réseau Bilans Sud",
                ResultsTest.YEAR, ResultsTest.COMPUTED, new CohortCounts(3, 3, 0, SurveyCounts.NONE, SurveyCounts.NONE,
                        Map.of())), PUBLISHED, "key"));

        assertThat(html).contains("<caption>Réseau Bilans Sud (ensemble du réseau) : résultats des bilans terminés")
                .doesNotContain("class=\"value\"");
    }

    @Test
    void thePageIsScreenshotInABrowser() throws Exception {
        Files.createDirectories(SHOTS);
        Path html = SHOTS.resolve("publication.html");
        Files.writeString(html, page(aPublication()), StandardCharsets.UTF_8);
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.CHROMIUM
                + " is missing: install Debian's chromium (bash .ci/run "
                + "does it) to screenshot the page");
        HeadlessChromium.screenshot(html, SHOTS.resolve("publication.png"), 1000, 1400);
        HeadlessChromium.screenshot(html, SHOTS.resolve("publication-phone.png"), 390, 1400);
    }
}
