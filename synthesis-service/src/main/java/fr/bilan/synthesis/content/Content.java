package fr.bilan.synthesis.content;

import java.time.LocalDate;
import java.util.List;

/**
 * What the consultant writes in a synthèse, section by section (R6313-4), in our own terms: texts are
 * never {@code null} (empty when not written), lists never {@code null}, a date {@code null} when none
 * is given.
 *
 * @param mainProject {@code null} while no main project is written
 */
public record Content(String requestContext, String careerPath, Skills skills, Interests interests,
        CareerProject mainProject, List<CareerProject> alternativeProjects, String conditionsAndMeans,
        List<ActionStep> actionPlan, Training training, FollowUp followUp) {

    /** Nothing written yet. */
    public static final Content EMPTY = new Content("", "", Skills.NONE, Interests.NONE, null, List.of(), "", List.of(),
            Training.NONE, FollowUp.NONE);

    public Content {
        requestContext = text(requestContext);
        careerPath = text(careerPath);
        skills = skills == null ? Skills.NONE : skills;
        interests = interests == null ? Interests.NONE : interests;
        alternativeProjects = List.copyOf(alternativeProjects);
        conditionsAndMeans = text(conditionsAndMeans);
        actionPlan = List.copyOf(actionPlan);
        training = training == null ? Training.NONE : training;
        followUp = followUp == null ? FollowUp.NONE : followUp;
    }

    /** This content with {@code section} as {@code from} has it: a section is replaced whole, never merged. */
    public Content with(Section section, Content from) {
        return switch (section) {
            case REQUEST_CONTEXT -> new Content(from.requestContext, careerPath, skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case CAREER_PATH -> new Content(requestContext, from.careerPath, skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case SKILLS -> new Content(requestContext, careerPath, from.skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case INTERESTS -> new Content(requestContext, careerPath, skills, from.interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case MAIN_PROJECT -> new Content(requestContext, careerPath, skills, interests, from.mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case ALTERNATIVE_PROJECTS -> new Content(requestContext, careerPath, skills, interests, mainProject,
                    from.alternativeProjects, conditionsAndMeans, actionPlan, training, followUp);
            case CONDITIONS_AND_MEANS -> new Content(requestContext, careerPath, skills, interests, mainProject,
                    alternativeProjects, from.conditionsAndMeans, actionPlan, training, followUp);
            case ACTION_PLAN -> new Content(requestContext, careerPath, skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, from.actionPlan, training, followUp);
            case TRAINING -> new Content(requestContext, careerPath, skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, from.training, followUp);
            case FOLLOW_UP -> new Content(requestContext, careerPath, skills, interests, mainProject,
                    alternativeProjects, conditionsAndMeans, actionPlan, training, from.followUp);
        };
    }

    /** Knowledge, know-how and soft skills (savoirs, savoir-faire, savoir-être). */
    public record Skills(List<String> knowledge, List<String> skills, List<String> softSkills) {

        public static final Skills NONE = new Skills(List.of(), List.of(), List.of());

        public Skills {
            knowledge = List.copyOf(knowledge);
            skills = List.copyOf(skills);
            softSkills = List.copyOf(softSkills);
        }
    }

    /** The scores of the six RIASEC types, 0 to 100 each. */
    public record Riasec(int realistic, int investigative, int artistic, int social, int enterprising,
            int conventional) {

        public List<Integer> scores() {
            return List.of(realistic, investigative, artistic, social, enterprising, conventional);
        }
    }

    /** @param riasec {@code null} when the test gives no RIASEC profile */
    public record TestResult(String testName, String summary, Riasec riasec) {

        public TestResult {
            testName = text(testName);
            summary = text(summary);
        }
    }

    /** Motivations, and the results of the interest tests taken. */
    public record Interests(String motivations, List<TestResult> testResults) {

        public static final Interests NONE = new Interests("", List.of());

        public Interests {
            motivations = text(motivations);
            testResults = List.copyOf(testResults);
        }
    }

    /** How feasible a project is, as the consultant judges it. */
    public enum Feasibility {
        HIGH, CONDITIONAL, LOW
    }

    /** @param feasibility {@code null} while not judged */
    public record CareerProject(String title, String description, Feasibility feasibility, String feasibilityNotes) {

        public CareerProject {
            title = text(title);
            description = text(description);
            feasibilityNotes = text(feasibilityNotes);
        }
    }

    /** When a step of the action plan is due. */
    public enum Horizon {
        SHORT_TERM, MEDIUM_TERM, LONG_TERM
    }

    /**
     * @param horizon {@code null} while not given
     * @param dueDate {@code null} while not given
     */
    public record ActionStep(String description, Horizon horizon, LocalDate dueDate) {

        public ActionStep {
            description = text(description);
        }
    }

    /** The training to follow, and whether a VAE is advised. */
    public record Training(List<String> trainingNeeds, boolean vaeAdvised, String vaeDetails) {

        public static final Training NONE = new Training(List.of(), false, "");

        public Training {
            trainingNeeds = List.copyOf(trainingNeeds);
            vaeDetails = text(vaeDetails);
        }
    }

    /** @param proposedDate {@code null} while none is proposed */
    public record FollowUp(LocalDate proposedDate, String terms) {

        public static final FollowUp NONE = new FollowUp(null, "");

        public FollowUp {
            terms = text(terms);
        }
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
