package fr.bilan.quality.survey;

/** How a question is answered: a score on a scale, one of the choices, a free comment. */
public enum QuestionType {
    SCALE,
    SINGLE_CHOICE,
    COMMENT
}
