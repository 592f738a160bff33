package fr.bilan.quality.surveypage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.SurveyAnswering.OpenSurvey;

/**
 * What the survey page shows, ready for its template: each question with its options checked from the
 * answers given (saved, or just posted and refused), its error next to it, and the errors' summary
 * at the top, each linking to its field.
 *
 * @param saved      whether the page says the answers were just saved
 * @param funderYear the year a funder is asked about, for the page to speak to the funder; null on a
 *                   beneficiary's survey
 */
public record SurveyPageView(String title, String centreName, String expiryDate, boolean saved,
        List<QuestionView> questions, FollowUpView followUp, List<ErrorLink> errors, Integer funderYear) {

    /** Dates as people in France read them; the link's expiry is told to the day. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final String UNKNOWN_QUESTION = "Le formulaire contient une question qui ne fait pas partie de ce "
            + "questionnaire (« %s ») : rechargez la page puis répondez à nouveau.";

    /** One answer offered: a score or a choice. */
    public record Option(String id, String value, String label, boolean checked) {
    }

    /**
     * One question. {@code fieldId} is its first input's id, where the error summary leads;
     * {@code describedBy} the ids of its hint and error, for {@code aria-describedby}.
     */
    public record QuestionView(String id, String label, String type, boolean required, String hint, List<Option> options,
            String text, String error, String fieldId, String describedBy) {
    }

    /** The follow-up interview's offer ("à froid" survey), answered with the survey. */
    public record FollowUpView(List<Option> options, String error, String fieldId, String describedBy) {
    }

    /** An error of the summary: its message, and the field it leads to. */
    public record ErrorLink(String fieldId, String message) {
    }

    static SurveyPageView of(OpenSurvey survey, Map<String, String> values, Map<String, String> errors,
            List<String> unknownQuestions, boolean saved) {
        List<ErrorLink> links = new ArrayList<>();
        List<QuestionView> questions = new ArrayList<>();
        for (Question question : survey.questionnaire().questions()) {
            QuestionView view = question(question, values.getOrDefault(question.id(), ""), errors.get(question.id()));
            questions.add(view);
            if (view.error() != null) {
                // the question named: links that all said "answer this question" would not tell one from another
                links.add(new ErrorLink(view.fieldId(), question.label() + " — " + view.error()));
            }
        }
        FollowUpView followUp = null;
        if (survey.followUpOffer()) {
            String given = values.getOrDefault(SurveyForm.FOLLOW_UP, "");
            String error = errors.get(SurveyForm.FOLLOW_UP);
            String id = "q-" + SurveyForm.FOLLOW_UP;
            followUp = new FollowUpView(List.of(new Option(id + "-accept", "accept", "Oui, je souhaite cet entretien",
                    given.equals("accept")), new Option(id + "-decline", "decline", "Non, merci", given.equals("decline"))),
                    error, id + "-accept", describedBy(id, error));
            if (error != null) {
                links.add(new ErrorLink(followUp.fieldId(), "Entretien de suivi — " + error));
            }
        }
        String firstField = questions.isEmpty() ? "actions" : questions.get(0).fieldId();
        unknownQuestions.forEach(unknown -> links.add(new ErrorLink(firstField, UNKNOWN_QUESTION.formatted(unknown))));
        return new SurveyPageView(survey.questionnaire().title(), survey.centreName(),
                DAY.format(survey.expireTime().atZone(ZONE)), saved, questions, followUp, links, survey.funderYear());
    }

    private static QuestionView question(Question question, String value, String error) {
        String id = "q-" + question.id();
        List<Option> options = question.type() == QuestionType.SCALE ? IntStream.rangeClosed(question.min(), question.max())
                    .mapToObj(score -> new Option(id + "-" + score, String.valueOf(score), scoreLabel(question, score),
                            value.equals(String.valueOf(score))))
                    .toList()
                : question.type() == QuestionType.SINGLE_CHOICE ? IntStream.range(0, question.choices().size())
                    .mapToObj(i -> new Option(id + "-" + i, question.choices().get(i).value(),
                            question.choices().get(i).label(), value.equals(question.choices().get(i).value())))
                    .toList()
                : List.<Option>of();
        String hint = question.type() == QuestionType.SCALE
                ? "De " + question.min() + " (" + question.minLabel() + ") à " + question.max() + " ("
                        + question.maxLabel() + ")."
                : null;
        String fieldId = options.isEmpty() ? id : options.get(0).id();
        String describedBy = describedBy(id, error);
        if (hint != null) {
            describedBy = (id + "-hint " + describedBy).strip();
        }
        return new QuestionView(question.id(), question.label(), question.type().name(), question.required(), hint,
                options, question.type() == QuestionType.COMMENT ? value : null, error, fieldId,
                describedBy.isEmpty() ? null : describedBy);
    }

    /** A score's label: the scale's ends are named ("1 – Pas du tout satisfait"), the scores between are numbers. */
    private static String scoreLabel(Question question, int score) {
        if (score == question.min() && !question.minLabel().isBlank()) {
            return score + " – " + question.minLabel();
        }
        if (score == question.max() && !question.maxLabel().isBlank()) {
            return score + " – " + question.maxLabel();
        }
        return String.valueOf(score);
    }

    private static String describedBy(String id, String error) {
        return error == null ? "" : id + "-error";
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
