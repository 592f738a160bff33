package fr.bilan.quality.survey;

/** The two surveys of a bilan: "à chaud" at the hand-over of the synthèse, "à froid" with the follow-up. */
public enum SurveyKind {
    END_OF_BILAN,
    FOLLOW_UP
}
