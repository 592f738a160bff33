package fr.bilan.synthesis.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.Feasibility;
import fr.bilan.proto.synthesis.v1.Horizon;
import fr.bilan.proto.synthesis.v1.Skills;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.SynthesisSection;

/**
 * The sections a synthèse cannot be final without (R6313-4: the conclusions phase hands over the
 * results, the conditions and means of the project, its steps, and offers a follow-up). Alternative
 * projects and training are written when the bilan found some; none is a valid outcome.
 */
final class RequiredSections {

    /** How each section is named to the consultant, in the order of the document. */
    static final Map<SynthesisSection, String> LABELS = Map.of(
            SynthesisSection.REQUEST_CONTEXT, "la demande et son contexte",
            SynthesisSection.CAREER_PATH, "le parcours professionnel",
            SynthesisSection.SKILLS, "les compétences (savoirs, savoir-faire, savoir-être)",
            SynthesisSection.INTERESTS, "les intérêts et motivations",
            SynthesisSection.MAIN_PROJECT, "le projet professionnel principal et sa faisabilité",
            SynthesisSection.CONDITIONS_AND_MEANS, "les conditions et moyens de réalisation",
            SynthesisSection.ACTION_PLAN, "le plan d'action (étapes, échéances et dates)",
            SynthesisSection.FOLLOW_UP, "le suivi proposé");

    private RequiredSections() {
    }

    static List<SynthesisSection> missing(SynthesisContent content) {
        List<SynthesisSection> missing = new ArrayList<>();
        if (content.getRequestContext().isBlank()) {
            missing.add(SynthesisSection.REQUEST_CONTEXT);
        }
        if (content.getCareerPath().isBlank()) {
            missing.add(SynthesisSection.CAREER_PATH);
        }
        if (!hasAnySkill(content.getSkills())) {
            missing.add(SynthesisSection.SKILLS);
        }
        if (content.getInterests().getMotivations().isBlank() && content.getInterests().getTestResultsCount() == 0) {
            missing.add(SynthesisSection.INTERESTS);
        }
        if (content.getMainProject().getTitle().isBlank()
                || content.getMainProject().getFeasibility() == Feasibility.FEASIBILITY_UNSPECIFIED) {
            missing.add(SynthesisSection.MAIN_PROJECT);
        }
        if (content.getConditionsAndMeans().isBlank()) {
            missing.add(SynthesisSection.CONDITIONS_AND_MEANS);
        }
        if (content.getActionPlanList().isEmpty() || !content.getActionPlanList().stream().allMatch(RequiredSections::complete)) {
            missing.add(SynthesisSection.ACTION_PLAN);
        }
        if (!content.getFollowUp().hasProposedDate() && content.getFollowUp().getTerms().isBlank()) {
            missing.add(SynthesisSection.FOLLOW_UP);
        }
        return missing;
    }

    /** « Avant de finaliser, complétez : la demande et son contexte, le plan d'action… » */
    static String describe(List<SynthesisSection> missing) {
        return "Avant de finaliser la synthèse, complétez : "
                + missing.stream().map(LABELS::get).collect(Collectors.joining(", ")) + ".";
    }

    private static boolean hasAnySkill(Skills skills) {
        return skills.getKnowledgeList().stream().anyMatch(text -> !text.isBlank())
                || skills.getSkillsList().stream().anyMatch(text -> !text.isBlank())
                || skills.getSoftSkillsList().stream().anyMatch(text -> !text.isBlank());
    }

    private static boolean complete(ActionStep step) {
        return !step.getDescription().isBlank() && step.getHorizon() != Horizon.HORIZON_UNSPECIFIED
                && step.hasDueDate();
    }
}
