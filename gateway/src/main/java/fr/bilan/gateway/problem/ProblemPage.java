package fr.bilan.gateway.problem;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

/**
 * A problem as a small French HTML page for a person in a browser: its title and detail, and the
 * correlation id to give the support. Accessible (RGAA / WCAG 2.1 AA: language, title, contrast,
 * readable at any width), self-contained (no script, no external resource).
 */
final class ProblemPage {

    private ProblemPage() {
    }

    static byte[] of(Problem problem) {
        // a page, not an API resource, is what a person in a browser did not find
        String title = escape(problem.status() == 404 ? "Page introuvable" : problem.title());
        String detail = escape(problem.detail() == null ? problem.title() + "." : problem.detail());
        String reference = problem.correlationId() == null ? ""
                : "<p class=\"ref\">Référence à communiquer au support si besoin : <code>"
                        + escape(problem.correlationId()) + "</code></p>";
        return ("""
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Bilan de compétences</title>
                <style>
                body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1e1e1e;background:#fff}
                main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
                h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
                .ref{color:#3a3a3a;font-size:.9375rem}
                code{overflow-wrap:anywhere}
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                %s
                </main>
                </body>
                </html>
                """.formatted(title, title, detail, reference)).getBytes(StandardCharsets.UTF_8);
    }

    /** Only what HTML needs escaped: French letters stay as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
