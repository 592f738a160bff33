package fr.bilan.quality.survey.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyKind;

/**
 * A network questionnaire as written in its YAML resource: {@code kind}, {@code version}, {@code title},
 * {@code questions} [{@code id}, {@code label}, {@code type}, {@code required}, {@code min}, {@code max},
 * {@code satisfiedFrom}, {@code minLabel}, {@code maxLabel}, {@code choices} [{@code value}, {@code label}],
 * {@code headline}]. A file that does not read so is refused with the reason.
 */
final class QuestionnaireFile {

    private QuestionnaireFile() {
    }

    /** The questionnaire {@code text} describes; {@link IllegalArgumentException} saying what is wrong. */
    static Questionnaire parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        Map<?, ?> file = map(root, "the file");
        SurveyKind kind = enumOf(SurveyKind.class, text(file, "kind"), "kind");
        List<Question> questions = new ArrayList<>();
        Object listed = file.get("questions");
        if (!(listed instanceof List<?> items)) {
            throw new IllegalArgumentException("questions: a list is expected");
        }
        for (Object item : items) {
            questions.add(question(map(item, "a question")));
        }
        return new Questionnaire(kind, text(file, "version"), text(file, "title"), questions);
    }

    private static Question question(Map<?, ?> q) {
        String id = text(q, "id");
        String where = "question '" + id + "': ";
        List<Question.Choice> choices = new ArrayList<>();
        Object listed = q.get("choices");
        if (listed instanceof List<?> items) {
            for (Object item : items) {
                Map<?, ?> choice = map(item, where + "a choice");
                choices.add(new Question.Choice(text(choice, "value"), text(choice, "label")));
            }
        } else if (listed != null) {
            throw new IllegalArgumentException(where + "choices: a list is expected");
        }
        return new Question(id, text(q, "label"), enumOf(QuestionType.class, text(q, "type"), where + "type"),
                bool(q, "required", where), number(q, "min", where), number(q, "max", where),
                number(q, "satisfiedFrom", where), text(q, "minLabel"), text(q, "maxLabel"), choices,
                bool(q, "headline", where), false);
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + ": a mapping is expected");
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer number) {
            return number;
        }
        throw new IllegalArgumentException(where + key + ": a whole number is expected, not '" + value + "'");
    }

    private static boolean bool(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException(where + key + ": true or false is expected, not '" + value + "'");
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()), e);
        }
    }
}
