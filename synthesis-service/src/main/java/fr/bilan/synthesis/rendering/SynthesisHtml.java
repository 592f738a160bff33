package fr.bilan.synthesis.rendering;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.w3c.dom.Element;

import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.Content;
import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.Riasec;
import fr.bilan.synthesis.content.Content.TestResult;

/**
 * The document de synthèse: on its first page, the centre once, then whose bilan it is, who led it,
 * when it ran and its hours per phase; then its sections in the order of R6313-4, empty ones left
 * out. Each page ends with the confidentiality notice of L6313-4.
 */
final class SynthesisHtml {

    static final String TITLE = "Document de synthèse du bilan de compétences";

    private final HtmlPage page;

    private SynthesisHtml(HtmlPage page) {
        this.page = page;
    }

    static HtmlPage build(SynthesisPrint print, CentreIdentity centre, String css) {
        HtmlPage page = new HtmlPage(TITLE, "Document de synthèse remis au bénéficiaire (articles L6313-4 et R6313-4 "
                + "du Code du travail)", centre, css, "synthesis");
        page.footerLine(HtmlPage.NOTICE);
        new SynthesisHtml(page).write(print, centre);
        return page;
    }

    private void write(SynthesisPrint print, CentreIdentity centre) {
        Content content = print.content();
        page.letterhead(centre);
        page.title(TITLE, null);
        summary(print);
        textSection("La demande et son contexte", content.requestContext());
        textSection("Le parcours professionnel", content.careerPath());
        skills(content);
        interests(content);
        if (content.mainProject() != null) {
            project(page.section("Le projet professionnel principal"), content.mainProject());
        }
        if (!content.alternativeProjects().isEmpty()) {
            Element section = page.section("Les projets alternatifs");
            content.alternativeProjects().forEach(project -> project(section, project));
        }
        textSection("Les conditions et moyens favorisant la réalisation du projet", content.conditionsAndMeans());
        actionPlan(content.actionPlan());
        training(content);
        followUp(content);
        textSection("Observations du bénéficiaire", print.beneficiaryObservations());
        closing(print);
    }

    /** Who, and how the bilan ran: its dates and the accompaniment hours held in each phase. */
    private void summary(SynthesisPrint print) {
        Element summary = page.add(page.content(), "div", "summary");
        page.labelled(summary, "Bénéficiaire", print.beneficiaryName());
        page.labelled(summary, "Consultant(e)", print.consultantName());
        BilanCourse course = print.course();
        page.labelled(summary, "Période du bilan", period(course));
        List<Duration> hours = List.of(course.preliminary(), course.investigation(), course.conclusion(),
                course.total());
        page.table(summary, "Heures d'accompagnement réalisées" + (course.ongoing() ? " à la date du document" : ""),
                List.of("Phase préliminaire", "Phase d'investigation", "Phase de conclusion", "Total"),
                List.of(hours.stream().map(French::hours).toList()), "number", "number", "number", "number total");
    }

    /** « du 14 septembre 2026 au 18 décembre 2026 », or since when it runs. */
    static String period(BilanCourse course) {
        if (course.start() == null) {
            return course.ongoing() ? "en cours" : "achevé le " + French.longDate(course.end());
        }
        return course.ongoing() ? "depuis le " + French.longDate(course.start()) + ", en cours à la date du document"
                : "du " + French.longDate(course.start()) + " au " + French.longDate(course.end());
    }

    private void textSection(String heading, String text) {
        if (!blank(text)) {
            page.paragraph(page.section(heading), text);
        }
    }

    private void skills(Content content) {
        var skills = content.skills();
        if (skills.knowledge().size() + skills.skills().size() + skills.softSkills().size() == 0) {
            return;
        }
        Element section = page.section("Les compétences");
        list(section, "Savoirs", skills.knowledge());
        list(section, "Savoir-faire", skills.skills());
        list(section, "Savoir-être", skills.softSkills());
    }

    private void list(Element section, String heading, List<String> items) {
        if (items.stream().anyMatch(item -> !item.isBlank())) {
            page.heading3(section, heading);
            page.list(section, items);
        }
    }

    private void interests(Content content) {
        var interests = content.interests();
        if (blank(interests.motivations()) && interests.testResults().isEmpty()) {
            return;
        }
        Element section = page.section("Les intérêts et motivations");
        if (!blank(interests.motivations())) {
            page.paragraph(section, interests.motivations());
        }
        for (TestResult test : interests.testResults()) {
            page.heading3(section, "Résultats : " + HtmlPage.clean(test.testName()));
            if (!blank(test.summary())) {
                page.paragraph(section, test.summary());
            }
            if (test.riasec() != null) {
                riasec(section, test.riasec());
            }
        }
    }

    /** The six types with their scores, then the Holland code: the three strongest, strongest first. */
    private void riasec(Element section, Riasec profile) {
        List<RiasecType> types = RiasecType.of(profile);
        page.table(section, "Profil RIASEC (scores sur 100)", List.of("Type", "Lettre", "Score"),
                types.stream().map(type -> List.of(type.name, type.letter, Integer.toString(type.score))).toList(), null,
                null, "number");
        page.labelled(section, "Code de Holland", hollandCode(types));
    }

    static String hollandCode(List<RiasecType> types) {
        // a stable sort: equal scores keep the R, I, A, S, E, C order
        return types.stream().sorted(Comparator.comparingInt((RiasecType type) -> type.score).reversed()).limit(3)
                .map(type -> type.letter).collect(Collectors.joining());
    }

    private void project(Element section, CareerProject project) {
        page.heading3(section, project.title());
        if (!blank(project.description())) {
            page.paragraph(section, project.description());
        }
        page.labelled(section, "Faisabilité", French.label(project.feasibility(), "Non évaluée"));
        if (!blank(project.feasibilityNotes())) {
            page.paragraph(section, project.feasibilityNotes());
        }
    }

    private void actionPlan(List<ActionStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>(steps.size());
        for (ActionStep step : steps) {
            LocalDate due = step.dueDate();
            rows.add(List.of(step.description(), French.label(step.horizon(), "Non précisée"), due == null ? "" : French.date(due)));
        }
        page.table(page.section("Le plan d'action"), "Étapes du plan d'action", List.of("Étape", "Échéance", "Date"),
                rows, null, "nowrap", "nowrap");
    }

    private void training(Content content) {
        var training = content.training();
        boolean needs = training.trainingNeeds().stream().anyMatch(need -> !need.isBlank());
        if (!needs && !training.vaeAdvised()) {
            return;
        }
        Element section = page.section("Les besoins de formation et la VAE");
        if (needs) {
            page.heading3(section, "Formations à suivre");
            page.list(section, training.trainingNeeds());
        }
        if (training.vaeAdvised()) {
            page.heading3(section, "Validation des acquis de l'expérience (VAE)");
            text(page.add(section, "p"), "Une démarche de VAE est conseillée.");
            if (!blank(training.vaeDetails())) {
                page.paragraph(section, training.vaeDetails());
            }
        }
    }

    private void followUp(Content content) {
        var followUp = content.followUp();
        LocalDate proposed = followUp.proposedDate();
        if (proposed == null && blank(followUp.terms())) {
            return;
        }
        Element section = page.section("Le suivi proposé");
        if (proposed != null) {
            text(page.add(section, "p"), "Un entretien de suivi est proposé le " + French.date(proposed) + ".");
        }
        if (!blank(followUp.terms())) {
            page.paragraph(section, followUp.terms());
        }
    }

    private void closing(SynthesisPrint print) {
        Element closing = page.add(page.content(), "div", "closing");
        text(page.add(closing, "p"), "Fait le " + French.longDate(print.finalizeDate()));
        page.labelled(closing, "Version du document", Integer.toString(print.version()));
        text(page.add(closing, "p", "notice-block"), HtmlPage.NOTICE);
    }

    private void text(Element parent, String text) {
        page.text(parent, text);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** One of the six RIASEC types and its score. */
    record RiasecType(String name, String letter, int score) {

        static List<RiasecType> of(Riasec profile) {
            return List.of(new RiasecType("Réaliste", "R", profile.realistic()),
                    new RiasecType("Investigateur", "I", profile.investigative()),
                    new RiasecType("Artistique", "A", profile.artistic()),
                    new RiasecType("Social", "S", profile.social()),
                    new RiasecType("Entreprenant", "E", profile.enterprising()),
                    new RiasecType("Conventionnel", "C", profile.conventional()));
        }
    }
}
