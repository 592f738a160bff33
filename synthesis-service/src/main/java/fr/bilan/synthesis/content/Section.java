package fr.bilan.synthesis.content;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.Skills;

/**
 * The sections of a synthèse, in the order of the document, and those it cannot be final without
 * (R6313-4: the conclusions phase hands over the results, the conditions and means of the project,
 * its steps, and offers a follow-up). Alternative projects and training are written when the bilan
 * found some; none is a valid outcome, so they are never missing.
 */
public enum Section {

    REQUEST_CONTEXT("la demande et son contexte", content -> content.requestContext().isBlank()),
    CAREER_PATH("le parcours professionnel", content -> content.careerPath().isBlank()),
    SKILLS("les compétences (savoirs, savoir-faire, savoir-être)", content -> !hasAnySkill(content.skills())),
    INTERESTS("les intérêts et motivations", content -> content.interests().motivations().isBlank()
            && content.interests().testResults().isEmpty()),
    MAIN_PROJECT("le projet professionnel principal et sa faisabilité", content -> content.mainProject() == null
            || content.mainProject().title().isBlank() || content.mainProject().feasibility() == null),
    ALTERNATIVE_PROJECTS(null, content -> false),
    CONDITIONS_AND_MEANS("les conditions et moyens de réalisation", content -> content.conditionsAndMeans().isBlank()),
    ACTION_PLAN("le plan d'action (étapes, échéances et dates)", content -> content.actionPlan().isEmpty()
            || !content.actionPlan().stream().allMatch(Section::complete)),
    TRAINING(null, content -> false),
    FOLLOW_UP("le suivi proposé", content -> content.followUp().proposedDate() == null
            && content.followUp().terms().isBlank());

    private final String label;
    private final Predicate<Content> missing;

    Section(String label, Predicate<Content> missing) {
        this.label = label;
        this.missing = missing;
    }

    /** How a required section is named to the consultant; {@code null} for an optional one. */
    public String label() {
        return label;
    }

    /** The required sections {@code content} still lacks, in the order of the document. */
    public static List<Section> missingIn(Content content) {
        return Arrays.stream(values()).filter(section -> section.missing.test(content)).toList();
    }

    /** « Avant de finaliser la synthèse, complétez : la demande et son contexte, le plan d'action… » */
    static String describe(List<Section> missing) {
        return "Avant de finaliser la synthèse, complétez : "
                + missing.stream().map(Section::label).collect(Collectors.joining(", ")) + ".";
    }

    private static boolean hasAnySkill(Skills skills) {
        return skills.knowledge().stream().anyMatch(text -> !text.isBlank())
                || skills.skills().stream().anyMatch(text -> !text.isBlank())
                || skills.softSkills().stream().anyMatch(text -> !text.isBlank());
    }

    private static boolean complete(ActionStep step) {
        return !step.description().isBlank() && step.horizon() != null && step.dueDate() != null;
    }
}
