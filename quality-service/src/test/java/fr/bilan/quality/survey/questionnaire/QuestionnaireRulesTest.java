package fr.bilan.quality.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyKind;

/** What makes a questionnaire askable, one defect at a time over a good one. */
class QuestionnaireRulesTest {

    static Question scale(String id, boolean headline) {
        return new Question(id, "Êtes-vous satisfait(e) ?", QuestionType.SCALE, true, 1, 5, 4, "Pas du tout", "Tout à fait",
                List.of(), headline, false);
    }

    static Question choice(String id, List<Question.Choice> choices) {
        return new Question(id, "Recommanderiez-vous ce bilan ?", QuestionType.SINGLE_CHOICE, true, 0, 0, 0, null, null,
                choices, false, false);
    }

    static Question comment(String id) {
        return new Question(id, "Un commentaire ?", QuestionType.COMMENT, false, 0, 0, 0, null, null, List.of(), false,
                false);
    }

    static final List<Question.Choice> YES_NO = List.of(new Question.Choice("oui", "Oui"), new Question.Choice("non", "Non"));

    static Questionnaire good() {
        return new Questionnaire(SurveyKind.END_OF_BILAN, "reseau-2026-1", "Votre avis",
                List.of(scale("satisfaction", true), choice("recommandation", YES_NO), comment("commentaire")));
    }

    static UnaryOperator<Questionnaire> replacing(int index, Question question) {
        return q -> {
            List<Question> questions = new ArrayList<>(q.questions());
            questions.set(index, question);
            return new Questionnaire(q.kind(), q.version(), q.title(), questions);
        };
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("a version with capitals", (UnaryOperator<Questionnaire>) q -> new Questionnaire(q.kind(),
                        "Reseau 2026", q.title(), q.questions()), "version 'Reseau 2026'"),
                Arguments.of("no title", (UnaryOperator<Questionnaire>) q -> new Questionnaire(q.kind(), q.version(), " ",
                        q.questions()), "no title"),
                Arguments.of("no question", (UnaryOperator<Questionnaire>) q -> new Questionnaire(q.kind(), q.version(),
                        q.title(), List.of()), "no question"),
                Arguments.of("no headline", replacing(0, scale("satisfaction", false)), "one headline question"),
                Arguments.of("two headlines", replacing(2, scale("autre", true)), "not 2"),
                Arguments.of("a headline that is no scale", replacing(0, new Question("satisfaction", "?",
                        QuestionType.COMMENT, false, 0, 0, 0, null, null, List.of(), true, false)), "must be a SCALE"),
                Arguments.of("an id asked twice", replacing(2, comment("recommandation")), "asked twice"),
                Arguments.of("an id unfit for a form", replacing(2, comment("2 mots")), "an id is a letter"),
                Arguments.of("the page's own field", replacing(2, comment("followUpInterview")), "page's own form field"),
                Arguments.of("no label", replacing(2, new Question("commentaire", "", QuestionType.COMMENT, false, 0, 0, 0,
                        null, null, List.of(), false, false)), "no label"),
                Arguments.of("no type", replacing(2, new Question("commentaire", "?", null, false, 0, 0, 0, null, null,
                        List.of(), false, false)), "no type"),
                Arguments.of("a scale upside down", replacing(0, new Question("satisfaction", "?", QuestionType.SCALE,
                        true, 5, 1, 4, null, null, List.of(), true, false)), "min must be below its max"),
                Arguments.of("satisfied beyond the scale", replacing(0, new Question("satisfaction", "?",
                        QuestionType.SCALE, true, 1, 5, 6, null, null, List.of(), true, false)), "satisfiedFrom must lie"),
                Arguments.of("a scale with choices", replacing(0, new Question("satisfaction", "?", QuestionType.SCALE,
                        true, 1, 5, 4, null, null, YES_NO, true, false)), "a SCALE offers no choices"),
                Arguments.of("one choice only", replacing(1, choice("recommandation",
                        List.of(new Question.Choice("oui", "Oui")))), "at least two choices"),
                Arguments.of("a choice offered twice", replacing(1, choice("recommandation",
                        List.of(new Question.Choice("oui", "Oui"), new Question.Choice("oui", "Bien sûr")))),
                        "choice 'oui' offered twice"),
                Arguments.of("a choice without label", replacing(1, choice("recommandation",
                        List.of(new Question.Choice("oui", "Oui"), new Question.Choice("non", "")))),
                        "every choice has a value and a label"),
                Arguments.of("a comment with choices", replacing(2, new Question("commentaire", "?", QuestionType.COMMENT,
                        false, 0, 0, 0, null, null, YES_NO, false, false)), "a COMMENT offers no choices"));
    }

    @Test
    void theGoodOneHasNoProblem() {
        assertThat(QuestionnaireRules.problems(good())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachDefectIsNamed(String defect, UnaryOperator<Questionnaire> spoil, String expected) {
        assertThat(QuestionnaireRules.problems(spoil.apply(good()))).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void aCentresAdditionsNeitherRepeatTheNetworkNorTakeTheHeadline() {
        assertThat(QuestionnaireRules.additionProblems(List.of(comment("ateliers")), Set.of("satisfaction"))).isEmpty();
        assertThat(QuestionnaireRules.additionProblems(List.of(comment("satisfaction")), Set.of("satisfaction")))
                .containsExactly("question 'satisfaction': the network's questionnaire already asks it");
        assertThat(QuestionnaireRules.additionProblems(List.of(scale("ateliers", true)), Set.of("satisfaction")))
                .containsExactly("question 'ateliers': a centre's addition cannot be the headline question");
    }
}
