package fr.bilan.quality.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an answer: a score within its scale, a choice among those offered, a comment of reasonable
 * length, a question of the questionnaire's version, and, to send for good, every required question
 * answered. Whatever fails is refused whole, with a French reason per question id. On the "à froid" survey
 * the page's {@value #FOLLOW_UP_INTERVIEW} field ({@code accept} or {@code decline}) answers the follow-up
 * interview's offer; it is no question of the questionnaire.
 */
public final class SurveyAnswers {

    /** The form field of the follow-up interview's offer on the "à froid" page. */
    public static final String FOLLOW_UP_INTERVIEW = "followUpInterview";
    public static final String ACCEPT = "accept";
    public static final String DECLINE = "decline";
    /** The longest free comment kept, in characters. */
    public static final int MAX_COMMENT = 2_000;

    private SurveyAnswers() {
    }

    /**
     * What checking {@code given} over {@code saved} found.
     *
     * @param merged  the answers once {@code given} is applied (an empty value takes an answer back)
     * @param errors  the French reasons, by question id; empty when accepted
     * @param unknown the ids given that the questionnaire does not ask
     */
    public record Checked(Map<String, String> merged, Map<String, String> errors, List<String> unknown) {

        public boolean accepted() {
            return errors.isEmpty() && unknown.isEmpty();
        }
    }

    /** Checks {@code given} over {@code saved}, for saving or, with {@code submit}, for sending for good. */
    public static Checked check(Questionnaire questionnaire, Map<String, String> saved, Map<String, String> given,
            boolean submit) {
        Map<String, String> merged = new LinkedHashMap<>(saved);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        given.forEach((id, raw) -> {
            String value = raw == null ? "" : raw.strip();
            Optional<Question> question = questionnaire.questions().stream().filter(q -> q.id().equals(id)).findFirst();
            if (question.isEmpty() && !(id.equals(FOLLOW_UP_INTERVIEW) && questionnaire.kind() == SurveyKind.FOLLOW_UP)) {
                unknown.add(id);
                return;
            }
            if (value.isEmpty()) {
                merged.remove(id);
                return;
            }
            String error = question.isPresent() ? error(question.get(), value) : followUpError(value);
            if (error != null) {
                errors.put(id, error);
            }
            merged.put(id, value);
        });
        if (submit) {
            questionnaire.questions().stream().filter(q -> q.required() && !merged.containsKey(q.id())
                    && !errors.containsKey(q.id())).forEach(q -> errors.put(q.id(),
                            "Répondez à cette question pour envoyer vos réponses."));
        }
        return new Checked(merged, errors, unknown);
    }

    /**
     * Whether the answers count as satisfied: the headline question's score at or above its
     * {@code satisfiedFrom}; null when it was left unanswered.
     */
    public static Boolean satisfied(Questionnaire questionnaire, Map<String, String> answers) {
        return questionnaire.questions().stream().filter(Question::headline).findFirst()
                .filter(headline -> answers.containsKey(headline.id()))
                .map(headline -> Integer.parseInt(answers.get(headline.id())) >= headline.satisfiedFrom())
                .orElse(null);
    }

    /** The follow-up interview's answer in {@code answers}: accepted, declined, or not given. */
    public static Optional<Boolean> followUpInterview(Map<String, String> answers) {
        return Optional.ofNullable(answers.get(FOLLOW_UP_INTERVIEW)).map(ACCEPT::equals);
    }

    private static String error(Question question, String value) {
        return switch (question.type()) {
            case SCALE -> {
                Integer score = score(value);
                yield score == null || score < question.min() || score > question.max()
                        ? "Choisissez une note entre " + question.min() + " et " + question.max() + "."
                        : null;
            }
            case SINGLE_CHOICE -> question.choices().stream().anyMatch(choice -> choice.value().equals(value))
                    ? null : "Choisissez l'une des réponses proposées.";
            case COMMENT -> value.length() > MAX_COMMENT
                    ? "Votre commentaire dépasse " + String.format(java.util.Locale.FRANCE, "%,d", MAX_COMMENT)
                            .replace('\u202f', ' ').replace('\u00a0', ' ') + " caractères : raccourcissez-le."
                    : null;
        };
    }

    private static String followUpError(String value) {
        return value.equals(ACCEPT) || value.equals(DECLINE) ? null
                : "Indiquez si vous souhaitez l'entretien de suivi ou non.";
    }

    private static Integer score(String value) {
        if (!value.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(value);
    }
}
