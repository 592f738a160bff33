package fr.bilan.quality.survey;

import java.util.List;

/**
 * One question of a questionnaire, in French.
 *
 * @param id            stable across versions while its meaning stays; the form's field name
 * @param headline      SCALE: the question the satisfaction rate counts (one per questionnaire)
 * @param satisfiedFrom SCALE: the score from which an answer counts as satisfied
 * @param centreAddition whether the centre added it to the network's questionnaire
 */
public record Question(String id, String label, QuestionType type, boolean required, int min, int max,
        int satisfiedFrom, String minLabel, String maxLabel, List<Choice> choices, boolean headline,
        boolean centreAddition) {

    public Question {
        choices = List.copyOf(choices);
    }

    /** A choice of a SINGLE_CHOICE question: its value as the form sends it, its label in French. */
    public record Choice(String value, String label) {
    }
}
