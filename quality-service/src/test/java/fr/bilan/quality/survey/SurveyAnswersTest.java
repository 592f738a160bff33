package fr.bilan.quality.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of an answer, question type by question type, and what "satisfied" means. */
class SurveyAnswersTest {

    static final Questionnaire HOT = new Questionnaire(SurveyKind.END_OF_BILAN, "v1", "Votre avis", List.of(
            new Question("note", "Satisfait(e) ?", QuestionType.SCALE, true, 1, 5, 4, null, null, List.of(), true, false),
            new Question("reco", "Recommanderiez-vous ?", QuestionType.SINGLE_CHOICE, false, 0, 0, 0, null, null,
                    List.of(new Question.Choice("oui", "Oui"), new Question.Choice("non", "Non")), false, false),
            new Question("avis", "Un commentaire ?", QuestionType.COMMENT, false, 0, 0, 0, null, null, List.of(), false,
                    false)));
    static final Questionnaire COLD = new Questionnaire(SurveyKind.FOLLOW_UP, "v1", "Six mois après", HOT.questions());

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Map.of("note", "6"), "note", "Choisissez une note entre 1 et 5."),
                Arguments.of(Map.of("note", "0"), "note", "Choisissez une note entre 1 et 5."),
                Arguments.of(Map.of("note", "4,5"), "note", "Choisissez une note entre 1 et 5."),
                Arguments.of(Map.of("note", "99999999999"), "note", "Choisissez une note entre 1 et 5."),
                Arguments.of(Map.of("reco", "peut-être"), "reco", "Choisissez l'une des réponses proposées."),
                Arguments.of(Map.of("avis", "x".repeat(SurveyAnswers.MAX_COMMENT + 1)), "avis",
                        "Votre commentaire dépasse 2 000 caractères : raccourcissez-le."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aWrongValueIsRefusedWithItsFrenchReason(Map<String, String> given, String id, String reason) {
        SurveyAnswers.Checked checked = SurveyAnswers.check(HOT, Map.of(), given, false);
        assertThat(checked.accepted()).isFalse();
        assertThat(checked.errors()).containsExactly(Map.entry(id, reason));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(Map.of("note", "1")),
                Arguments.of(Map.of("note", " 5 ")),
                Arguments.of(Map.of("reco", "non")),
                Arguments.of(Map.of("avis", "x".repeat(SurveyAnswers.MAX_COMMENT))),
                Arguments.of(Map.of("note", "")));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void aValueWithinItsQuestionIsSaved(Map<String, String> given) {
        assertThat(SurveyAnswers.check(HOT, Map.of(), given, false).accepted()).isTrue();
    }

    @Test
    void aQuestionNotInTheVersionIsRefused() {
        SurveyAnswers.Checked checked = SurveyAnswers.check(HOT, Map.of(), Map.of("note", "4", "ancienne", "3"), false);
        assertThat(checked.accepted()).isFalse();
        assertThat(checked.unknown()).containsExactly("ancienne");
        assertThat(checked.errors()).isEmpty();
    }

    @Test
    void savingKeepsEarlierAnswersAndAnEmptyValueTakesOneBack() {
        SurveyAnswers.Checked checked = SurveyAnswers.check(HOT, Map.of("note", "4", "reco", "oui"),
                Map.of("reco", "", "avis", "Merci"), false);
        assertThat(checked.merged()).isEqualTo(Map.of("note", "4", "avis", "Merci"));
    }

    @Test
    void sendingForGoodNeedsEveryRequiredAnswerSavedOrGiven() {
        assertThat(SurveyAnswers.check(HOT, Map.of(), Map.of("reco", "oui"), true).errors())
                .containsExactly(Map.entry("note", "Répondez à cette question pour envoyer vos réponses."));
        assertThat(SurveyAnswers.check(HOT, Map.of("note", "2"), Map.of("reco", "oui"), true).accepted()).isTrue();
        assertThat(SurveyAnswers.check(HOT, Map.of("note", "2"), Map.of("note", ""), true).errors()).containsKey("note");
    }

    @Test
    void theFollowUpInterviewIsAnsweredOnTheColdSurveyOnly() {
        assertThat(SurveyAnswers.check(COLD, Map.of(), Map.of("followUpInterview", "accept"), false).accepted()).isTrue();
        assertThat(SurveyAnswers.check(COLD, Map.of(), Map.of("followUpInterview", "maybe"), false).errors())
                .containsExactly(Map.entry("followUpInterview", "Indiquez si vous souhaitez l'entretien de suivi ou non."));
        assertThat(SurveyAnswers.check(HOT, Map.of(), Map.of("followUpInterview", "accept"), false).unknown())
                .containsExactly("followUpInterview");
        assertThat(SurveyAnswers.followUpInterview(Map.of("followUpInterview", "accept"))).contains(true);
        assertThat(SurveyAnswers.followUpInterview(Map.of("followUpInterview", "decline"))).contains(false);
        assertThat(SurveyAnswers.followUpInterview(Map.of())).isEmpty();
    }

    static Stream<Arguments> satisfaction() {
        return Stream.of(Arguments.of("5", true), Arguments.of("4", true), Arguments.of("3", false),
                Arguments.of("1", false), Arguments.of(null, null));
    }

    @ParameterizedTest
    @MethodSource("satisfaction")
    void satisfiedIsTheHeadlineAtOrAboveItsThreshold(String score, Boolean expected) {
        Map<String, String> answers = new HashMap<>(Map.of("reco", "oui"));
        if (score != null) {
            answers.put("note", score);
        }
        assertThat(SurveyAnswers.satisfied(HOT, answers)).isEqualTo(expected);
    }
}
