package fr.bilan.quality.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The public page of a publication, in French, for anyone a centre sends to it: one HTML document with its
 * style inline and no script, the figures in a real table (caption, headers with their scope) with what each
 * is computed over, the period and the dates, and no personal data (there is none in the figures).
 * Template {@code templates/results/publication.html}.
 */
final class PublishedPage {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final SpringTemplateEngine engine;

    PublishedPage() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/results/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    byte[] render(Publication publication) {
        Results results = publication.results();
        Context context = new Context(Locale.FRENCH);
        String days = "du " + FigureLines.longDay(results.period().firstDay()) + " au "
                + FigureLines.longDay(results.period().lastDay());
        context.setVariable("name", results.name());
        context.setVariable("days", days);
        context.setVariable("cohortCaption", results.name() + (results.centreId().isEmpty() ? " (ensemble du réseau)" : "")
                + " : résultats des bilans terminés " + days);
        context.setVariable("situationsCaption", "Situation à six mois des bénéficiaires dont le bilan s'est terminé " + days);
        context.setVariable("computed", FigureLines.longTime(results.computeTime()));
        context.setVariable("published", FigureLines.longTime(publication.publishTime()));
        List<FigureLines.Line> lines = FigureLines.of(results);
        context.setVariable("cohort", rows(lines.subList(0, lines.size() - results.situations().size())));
        context.setVariable("situations", rows(FigureLines.situations(results)));
        context.setVariable("figureMin", Figure.FIGURE_MIN);
        return engine.process("publication", context).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Row> rows(List<FigureLines.Line> lines) {
        return lines.stream().map(line -> new Row(line.label(), line.value(), line.figure().shown(),
                line.figure().sampleSize() + " " + line.over())).toList();
    }

    /** A line of a table, as the template writes it. */
    public record Row(String label, String value, boolean shown, String over) {
    }
}
