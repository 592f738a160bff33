package fr.bilan.synthesis.content;

import java.util.ArrayList;
import java.util.List;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.InvalidFields.Violation;
import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.TestResult;

/**
 * What a saved synthèse may hold: bounded texts and lists (a synthèse is a few pages, not a
 * dumping ground), scores of 0 to 100. Checked on every save, whatever is still empty; emptiness is
 * finalising's business ({@link Section#missingIn}). Fields are named as the contract spells them.
 */
public final class ContentLimits {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_ITEM = 2_000;
    public static final int MAX_ITEMS = 50;
    public static final int MAX_ALTERNATIVES = 5;
    public static final int MAX_TESTS = 10;

    private final List<Violation> violations = new ArrayList<>();

    private ContentLimits() {
    }

    /** @throws InvalidFields naming each field beyond its limit */
    static void check(Content content) {
        ContentLimits limits = new ContentLimits();
        String at = "synthesis.content.";
        limits.text(at + "request_context", content.requestContext(), MAX_TEXT);
        limits.text(at + "career_path", content.careerPath(), MAX_TEXT);
        limits.items(at + "skills.knowledge", content.skills().knowledge());
        limits.items(at + "skills.skills", content.skills().skills());
        limits.items(at + "skills.soft_skills", content.skills().softSkills());
        limits.text(at + "interests.motivations", content.interests().motivations(), MAX_TEXT);
        List<TestResult> tests = content.interests().testResults();
        limits.count(at + "interests.test_results", tests.size(), MAX_TESTS);
        for (int i = 0; i < tests.size(); i++) {
            limits.test(at + "interests.test_results[" + i + "]", tests.get(i));
        }
        limits.project(at + "main_project", content.mainProject());
        limits.count(at + "alternative_projects", content.alternativeProjects().size(), MAX_ALTERNATIVES);
        for (int i = 0; i < content.alternativeProjects().size(); i++) {
            limits.project(at + "alternative_projects[" + i + "]", content.alternativeProjects().get(i));
        }
        limits.text(at + "conditions_and_means", content.conditionsAndMeans(), MAX_TEXT);
        limits.count(at + "action_plan", content.actionPlan().size(), MAX_ITEMS);
        for (int i = 0; i < content.actionPlan().size(); i++) {
            limits.step(at + "action_plan[" + i + "]", content.actionPlan().get(i));
        }
        limits.items(at + "training.training_needs", content.training().trainingNeeds());
        limits.text(at + "training.vae_details", content.training().vaeDetails(), MAX_TEXT);
        limits.text(at + "follow_up.terms", content.followUp().terms(), MAX_TEXT);
        limits.throwIfAny();
    }

    /** @throws InvalidFields when the beneficiary's observations are too long */
    static void checkObservations(String observations) {
        ContentLimits limits = new ContentLimits();
        limits.text("observations", observations, MAX_TEXT);
        limits.throwIfAny();
    }

    private void project(String field, CareerProject project) {
        if (project == null) {
            return;
        }
        text(field + ".title", project.title(), MAX_ITEM);
        text(field + ".description", project.description(), MAX_TEXT);
        text(field + ".feasibility_notes", project.feasibilityNotes(), MAX_TEXT);
    }

    private void test(String field, TestResult test) {
        if (test.testName().isBlank()) {
            violations.add(new Violation(field + ".test_name", "Indiquez le nom du test."));
        }
        text(field + ".test_name", test.testName(), MAX_ITEM);
        text(field + ".summary", test.summary(), MAX_TEXT);
        if (test.riasec() != null && test.riasec().scores().stream().anyMatch(score -> score < 0 || score > 100)) {
            violations.add(new Violation(field + ".riasec", "Les scores RIASEC vont de 0 à 100."));
        }
    }

    private void step(String field, ActionStep step) {
        text(field + ".description", step.description(), MAX_ITEM);
    }

    private void items(String field, List<String> items) {
        count(field, items.size(), MAX_ITEMS);
        for (int i = 0; i < items.size(); i++) {
            text(field + "[" + i + "]", items.get(i), MAX_ITEM);
        }
    }

    private void count(String field, int count, int max) {
        if (count > max) {
            violations.add(new Violation(field, "Au plus " + max + " éléments."));
        }
    }

    private void text(String field, String text, int max) {
        if (text.length() > max) {
            violations.add(new Violation(field, "Au plus " + max + " caractères (" + text.length() + " reçus)."));
        }
    }

    private void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
    }
}
