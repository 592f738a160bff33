package fr.bilan.quality.survey;

/**
 * The surveys: a bilan's two, "à chaud" at the hand-over of the synthèse and "à froid" with the follow-up;
 * and a funder's yearly one, about the bilans of a year, with no bilan of its own.
 */
public enum SurveyKind {
    END_OF_BILAN,
    FOLLOW_UP,
    FUNDER_YEARLY
}
