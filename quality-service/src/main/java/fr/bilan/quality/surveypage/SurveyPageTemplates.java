package fr.bilan.quality.surveypage;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders the survey's pages (templates under {@code templates/survey/}), in French. */
@Component
class SurveyPageTemplates {

    private final ITemplateEngine templates;

    SurveyPageTemplates(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The survey, its answers filled in, with its errors or the note that the answers were saved. */
    String survey(SurveyPageView page) {
        return render("survey/page", Map.of("page", page));
    }

    /** The thanks, once the answers are sent for good. */
    String thanks(String centreName) {
        return render("survey/thanks", Map.of("centreName", centreName));
    }

    private String render(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(Locale.FRENCH, variables));
    }
}
