package fr.bilan.quality.followup;

/** Who gave the answer to the offer: the beneficiary from the survey's link, or the consultant on their word. */
public enum AnswerChannel {
    SURVEY_LINK,
    CONSULTANT_RECORDED
}
