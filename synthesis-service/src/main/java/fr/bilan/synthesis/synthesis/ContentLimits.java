package fr.bilan.synthesis.synthesis;

import java.util.List;

import com.google.type.Date;

import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.CareerProject;
import fr.bilan.proto.synthesis.v1.RiasecProfile;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.TestResult;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;

/**
 * What a saved synthèse may hold: bounded texts and lists (a synthèse is a few pages, not a
 * dumping ground), scores of 0 to 100, real dates. Checked on every save, whatever is still empty;
 * emptiness is finalising's business ({@link RequiredSections}).
 */
final class ContentLimits {

    static final int MAX_TEXT = 20_000;
    static final int MAX_ITEM = 2_000;
    static final int MAX_ITEMS = 50;
    static final int MAX_ALTERNATIVES = 5;
    static final int MAX_TESTS = 10;

    private ContentLimits() {
    }

    static void check(SynthesisContent content) {
        FieldViolations violations = new FieldViolations();
        String at = "synthesis.content.";
        text(violations, at + "request_context", content.getRequestContext(), MAX_TEXT);
        text(violations, at + "career_path", content.getCareerPath(), MAX_TEXT);
        items(violations, at + "skills.knowledge", content.getSkills().getKnowledgeList());
        items(violations, at + "skills.skills", content.getSkills().getSkillsList());
        items(violations, at + "skills.soft_skills", content.getSkills().getSoftSkillsList());
        text(violations, at + "interests.motivations", content.getInterests().getMotivations(), MAX_TEXT);
        count(violations, at + "interests.test_results", content.getInterests().getTestResultsCount(), MAX_TESTS);
        for (int i = 0; i < content.getInterests().getTestResultsCount(); i++) {
            test(violations, at + "interests.test_results[" + i + "]", content.getInterests().getTestResults(i));
        }
        project(violations, at + "main_project", content.getMainProject());
        count(violations, at + "alternative_projects", content.getAlternativeProjectsCount(), MAX_ALTERNATIVES);
        for (int i = 0; i < content.getAlternativeProjectsCount(); i++) {
            project(violations, at + "alternative_projects[" + i + "]", content.getAlternativeProjects(i));
        }
        text(violations, at + "conditions_and_means", content.getConditionsAndMeans(), MAX_TEXT);
        count(violations, at + "action_plan", content.getActionPlanCount(), MAX_ITEMS);
        for (int i = 0; i < content.getActionPlanCount(); i++) {
            step(violations, at + "action_plan[" + i + "]", content.getActionPlan(i));
        }
        items(violations, at + "training.training_needs", content.getTraining().getTrainingNeedsList());
        text(violations, at + "training.vae_details", content.getTraining().getVaeDetails(), MAX_TEXT);
        if (content.getFollowUp().hasProposedDate()) {
            date(violations, at + "follow_up.proposed_date", content.getFollowUp().getProposedDate());
        }
        text(violations, at + "follow_up.terms", content.getFollowUp().getTerms(), MAX_TEXT);
        violations.throwIfAny();
    }

    static void checkObservations(String observations) {
        FieldViolations violations = new FieldViolations();
        text(violations, "observations", observations, MAX_TEXT);
        violations.throwIfAny();
    }

    private static void project(FieldViolations violations, String field, CareerProject project) {
        text(violations, field + ".title", project.getTitle(), MAX_ITEM);
        text(violations, field + ".description", project.getDescription(), MAX_TEXT);
        text(violations, field + ".feasibility_notes", project.getFeasibilityNotes(), MAX_TEXT);
    }

    private static void test(FieldViolations violations, String field, TestResult test) {
        if (test.getTestName().isBlank()) {
            violations.add(field + ".test_name", "Indiquez le nom du test.");
        }
        text(violations, field + ".test_name", test.getTestName(), MAX_ITEM);
        text(violations, field + ".summary", test.getSummary(), MAX_TEXT);
        RiasecProfile riasec = test.getRiasec();
        List<Integer> scores = List.of(riasec.getRealistic(), riasec.getInvestigative(), riasec.getArtistic(),
                riasec.getSocial(), riasec.getEnterprising(), riasec.getConventional());
        if (scores.stream().anyMatch(score -> score < 0 || score > 100)) {
            violations.add(field + ".riasec", "Les scores RIASEC vont de 0 à 100.");
        }
    }

    private static void step(FieldViolations violations, String field, ActionStep step) {
        text(violations, field + ".description", step.getDescription(), MAX_ITEM);
        if (step.hasDueDate()) {
            date(violations, field + ".due_date", step.getDueDate());
        }
    }

    private static void items(FieldViolations violations, String field, List<String> items) {
        count(violations, field, items.size(), MAX_ITEMS);
        for (int i = 0; i < items.size(); i++) {
            text(violations, field + "[" + i + "]", items.get(i), MAX_ITEM);
        }
    }

    private static void count(FieldViolations violations, String field, int count, int max) {
        if (count > max) {
            violations.add(field, "Au plus " + max + " éléments.");
        }
    }

    private static void text(FieldViolations violations, String field, String text, int max) {
        if (text.length() > max) {
            violations.add(field, "Au plus " + max + " caractères (" + text.length() + " reçus).");
        }
    }

    private static void date(FieldViolations violations, String field, Date date) {
        ProtoDates.day(date, field, violations);
    }
}
