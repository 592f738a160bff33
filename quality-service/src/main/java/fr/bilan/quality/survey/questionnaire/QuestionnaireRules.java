package fr.bilan.quality.survey.questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;

/**
 * What makes a questionnaire askable: every question labelled and answerable (a scale with a sensible
 * range, choices to choose from), ids fit for a form field and unique, and, for the network's, one headline
 * SCALE question the satisfaction rate counts. A centre's additions add questions, never a headline.
 */
public final class QuestionnaireRules {

    /** The form fields the page uses for itself: no question may be named so. */
    public static final Set<String> RESERVED_IDS = Set.of("action", "followUpInterview");
    private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private QuestionnaireRules() {
    }

    /** Whether {@code version} may name a questionnaire's (or a centre's additions') version. */
    public static boolean versionLabel(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** What is wrong with the network's questionnaire {@code questionnaire}; empty when it can be asked. */
    public static List<String> problems(Questionnaire questionnaire) {
        List<String> problems = new ArrayList<>();
        if (!versionLabel(questionnaire.version())) {
            problems.add("version '" + questionnaire.version() + "' is not a label of lower-case letters, digits, '.' and '-'");
        }
        if (blank(questionnaire.title())) {
            problems.add("no title");
        }
        if (questionnaire.questions().isEmpty()) {
            problems.add("no question");
        }
        problems.addAll(questionProblems(questionnaire.questions()));
        List<Question> headlines = questionnaire.questions().stream().filter(Question::headline).toList();
        if (headlines.size() != 1) {
            problems.add("one headline question is needed (the satisfaction rate counts it), not " + headlines.size());
        } else if (headlines.get(0).type() != QuestionType.SCALE) {
            problems.add("question '" + headlines.get(0).id() + "': the headline question must be a SCALE");
        }
        return problems;
    }

    /**
     * What is wrong with a centre's {@code additions} to a network questionnaire whose question ids are
     * {@code networkIds}; empty when they can be asked.
     */
    public static List<String> additionProblems(List<Question> additions, Set<String> networkIds) {
        List<String> problems = new ArrayList<>(questionProblems(additions));
        for (Question question : additions) {
            if (networkIds.contains(question.id())) {
                problems.add("question '" + question.id() + "': the network's questionnaire already asks it");
            }
            if (question.headline()) {
                problems.add("question '" + question.id() + "': a centre's addition cannot be the headline question");
            }
        }
        return problems;
    }

    private static List<String> questionProblems(List<Question> questions) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Question question : questions) {
            String name = "question '" + question.id() + "': ";
            if (question.id() == null || !ID.matcher(question.id()).matches()) {
                problems.add(name + "an id is a letter then letters, digits, '_' or '-' (at most 64)");
            } else if (RESERVED_IDS.contains(question.id())) {
                problems.add(name + "the id is the page's own form field");
            } else if (!ids.add(question.id())) {
                problems.add(name + "asked twice");
            }
            if (blank(question.label())) {
                problems.add(name + "no label");
            }
            if (question.type() == null) {
                problems.add(name + "no type (SCALE, SINGLE_CHOICE or COMMENT)");
                continue;
            }
            switch (question.type()) {
                case SCALE -> {
                    if (question.min() >= question.max()) {
                        problems.add(name + "the scale's min must be below its max");
                    } else if (question.satisfiedFrom() < question.min() || question.satisfiedFrom() > question.max()) {
                        problems.add(name + "satisfiedFrom must lie within the scale");
                    }
                    if (!question.choices().isEmpty()) {
                        problems.add(name + "a SCALE offers no choices");
                    }
                }
                case SINGLE_CHOICE -> {
                    if (question.choices().size() < 2) {
                        problems.add(name + "a SINGLE_CHOICE offers at least two choices");
                    }
                    Set<String> values = new HashSet<>();
                    for (Question.Choice choice : question.choices()) {
                        if (blank(choice.value()) || blank(choice.label())) {
                            problems.add(name + "every choice has a value and a label");
                        } else if (!values.add(choice.value())) {
                            problems.add(name + "choice '" + choice.value() + "' offered twice");
                        }
                    }
                }
                case COMMENT -> {
                    if (!question.choices().isEmpty()) {
                        problems.add(name + "a COMMENT offers no choices");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
