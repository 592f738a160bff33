package fr.bilan.quality.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.questionnaire.QuestionnaireProperties.AddedQuestion;
import fr.bilan.quality.survey.questionnaire.QuestionnaireProperties.Additions;
import fr.bilan.quality.survey.questionnaire.QuestionnaireProperties.CentreAdditions;

/** The questionnaires shipped, the centres' additions, every version kept, and what stops the start. */
class QuestionnaireCatalogueTest {

    static final AddedQuestion WORKSHOPS = new AddedQuestion("ateliers", "Les ateliers collectifs vous ont-ils aidé(e) ?",
            QuestionType.SCALE, false, 1, 5, 4, "Pas du tout", "Beaucoup", null);
    static final AddedQuestion PLACE = new AddedQuestion("locaux", "Les locaux étaient-ils accessibles ?",
            QuestionType.SINGLE_CHOICE, false, null, null, null, null, null,
            List.of(new Question.Choice("oui", "Oui"), new Question.Choice("non", "Non")));

    static QuestionnaireProperties lyon(String current) {
        return new QuestionnaireProperties(null, null, null, Map.of("centre-lyon", new CentreAdditions(new Additions(current,
                Map.of("centre-lyon-1", List.of(WORKSHOPS), "centre-lyon-2", List.of(WORKSHOPS, PLACE))), null, null)));
    }

    @Test
    void theShippedQuestionnairesLoadAndFitTheirRules() {
        List<Questionnaire> shipped = QuestionnaireConfiguration.readAll();
        assertThat(shipped).extracting(Questionnaire::kind).contains(SurveyKind.END_OF_BILAN, SurveyKind.FOLLOW_UP,
                SurveyKind.FUNDER_YEARLY);
        QuestionnaireCatalogue catalogue = new QuestionnaireCatalogue(shipped, new QuestionnaireProperties(null, null, null, null));

        Questionnaire hot = catalogue.current(SurveyKind.END_OF_BILAN, "centre-any");
        assertThat(hot.version()).isEqualTo("reseau-2026-1");
        Question headline = hot.questions().stream().filter(Question::headline).findFirst().orElseThrow();
        assertThat(headline.id()).isEqualTo("satisfactionGlobale");
        assertThat(headline.type()).isEqualTo(QuestionType.SCALE);
        assertThat(headline.min()).isEqualTo(1);
        assertThat(headline.max()).isEqualTo(5);
        assertThat(headline.satisfiedFrom()).isEqualTo(4);
        assertThat(hot.questions()).extracting(Question::id).contains("accompagnement", "clarteSynthese",
                "recommandation", "commentaire");
        Questionnaire cold = catalogue.current(SurveyKind.FOLLOW_UP, "centre-any");
        assertThat(cold.questions()).extracting(Question::id).containsExactly("utiliteSixMois", "avancementProjet",
                "commentaire");
        Questionnaire funders = catalogue.current(SurveyKind.FUNDER_YEARLY, "centre-any");
        assertThat(funders.version()).isEqualTo("reseau-2026-1");
        assertThat(funders.questions()).extracting(Question::id).containsExactly("satisfactionGlobale", "reactivite",
                "informationDeroulement", "recommandation", "commentaire");
        assertThat(funders.questions()).filteredOn(Question::headline).extracting(Question::id)
                .containsExactly("satisfactionGlobale");
        // a funder learns how the bilans went, never what was said in them
        assertThat(funders.questions()).extracting(Question::label).noneMatch(label -> label.contains("votre bilan"));
    }

    @Test
    void aCentreAsksItsCurrentAdditionsAndEveryVersionItUsedStaysReadable() {
        QuestionnaireCatalogue catalogue = new QuestionnaireCatalogue(QuestionnaireConfiguration.readAll(),
                lyon("centre-lyon-2"));

        Questionnaire today = catalogue.current(SurveyKind.END_OF_BILAN, "centre-lyon");
        assertThat(today.version()).isEqualTo("reseau-2026-1+centre-lyon-2");
        assertThat(today.questions()).filteredOn(Question::centreAddition).extracting(Question::id)
                .containsExactly("ateliers", "locaux");
        assertThat(catalogue.asked(SurveyKind.END_OF_BILAN, "centre-lyon", "reseau-2026-1+centre-lyon-1").orElseThrow()
                .questions()).filteredOn(Question::centreAddition).extracting(Question::id).containsExactly("ateliers");
        assertThat(catalogue.asked(SurveyKind.END_OF_BILAN, "centre-lyon", "reseau-2026-1")).isPresent();
        assertThat(catalogue.current(SurveyKind.FOLLOW_UP, "centre-lyon").version()).isEqualTo("reseau-2026-1");
        assertThat(catalogue.current(SurveyKind.END_OF_BILAN, "centre-paris").version()).isEqualTo("reseau-2026-1");
        assertThat(catalogue.asked(SurveyKind.END_OF_BILAN, "centre-lyon", "reseau-2026-1+centre-lyon-9")).isEmpty();
        assertThat(catalogue.asked(SurveyKind.END_OF_BILAN, "centre-paris", "reseau-2026-1+centre-lyon-1")).isEmpty();
        assertThat(catalogue.asked(SurveyKind.FOLLOW_UP, "centre-lyon", "reseau-1999-1")).isEmpty();
    }

    static Stream<Arguments> refusedSettings() {
        return Stream.of(
                Arguments.of(new QuestionnaireProperties("reseau-2099-1", null, null, null),
                        "bilan.quality.questionnaires.end-of-bilan: no END_OF_BILAN questionnaire 'reseau-2099-1'"),
                Arguments.of(lyon("centre-lyon-3"),
                        "centres.centre-lyon.end-of-bilan.current: no version 'centre-lyon-3'"),
                Arguments.of(new QuestionnaireProperties(null, null, null, Map.of("centre-lyon", new CentreAdditions(
                        new Additions("centre-lyon-1", Map.of("centre-lyon-1", List.of(new AddedQuestion(
                                "satisfactionGlobale", "Encore ?", QuestionType.COMMENT, false, null, null, null, null,
                                null, null)))), null, null))),
                        "question 'satisfactionGlobale': the network's questionnaire already asks it"),
                Arguments.of(new QuestionnaireProperties(null, null, null, Map.of("centre-lyon", new CentreAdditions(null,
                        new Additions("centre-lyon-1", Map.of("centre-lyon-1", List.of(new AddedQuestion("note", "Note ?",
                                QuestionType.SCALE, false, 5, 1, 3, null, null, null)))), null))),
                        "follow-up.versions.centre-lyon-1: question 'note': the scale's min must be below its max"));
    }

    @ParameterizedTest
    @MethodSource("refusedSettings")
    void aWrongSettingStopsTheStartSayingWhere(QuestionnaireProperties properties, String expected) {
        assertThatThrownBy(() -> new QuestionnaireCatalogue(QuestionnaireConfiguration.readAll(), properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(expected);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("kind: END_OF_BILAN\nversion: v1\ntitle: T\nquestions: nope\n", "questions: a list is expected"),
                Arguments.of("kind: LATER\nversion: v1\ntitle: T\nquestions: []\n", "kind: 'LATER' is not one of"),
                Arguments.of("kind: END_OF_BILAN\nversion: v1\ntitle: T\nquestions:\n  - id: a\n    label: A\n"
                        + "    type: SCALE\n    min: un\n", "question 'a': min: a whole number is expected"),
                Arguments.of("kind: END_OF_BILAN\nversion: v1\ntitle: T\nquestions:\n  - id: a\n    label: A\n"
                        + "    type: SCALE\n    required: souvent\n", "question 'a': required: true or false"),
                Arguments.of("- just\n- a list\n", "the file: a mapping is expected"),
                Arguments.of("kind: [unclosed\n", "not YAML"));
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void aMalformedFileIsRefusedWithItsReason(String text, String expected) {
        assertThatThrownBy(() -> QuestionnaireFile.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aFileBreakingTheRulesStopsTheStart() {
        Questionnaire noHeadline = QuestionnaireFile.parse("kind: FOLLOW_UP\nversion: reseau-2027-1\ntitle: T\n"
                + "questions:\n  - id: a\n    label: A ?\n    type: COMMENT\n");
        List<Questionnaire> versions = new java.util.ArrayList<>(QuestionnaireConfiguration.readAll());
        versions.add(noHeadline);
        assertThatThrownBy(() -> new QuestionnaireCatalogue(versions, new QuestionnaireProperties(null, null, null, null)))
                .hasMessageContaining("questionnaire FOLLOW_UP reseau-2027-1: one headline question is needed");
    }
}
