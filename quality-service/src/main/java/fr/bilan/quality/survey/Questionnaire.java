package fr.bilan.quality.survey;

import java.util.List;

/**
 * A questionnaire as asked: the network's version of a kind, with the centre's additions.
 *
 * @param version the network's version and, when the centre adds questions, the centre's (e.g.
 *                {@code reseau-2026-1+centre-lyon-2})
 */
public record Questionnaire(SurveyKind kind, String version, String title, List<Question> questions) {

    public Questionnaire {
        questions = List.copyOf(questions);
    }
}
