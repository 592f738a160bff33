package fr.bilan.quality.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the survey page does with a link's secret token: open the survey with the answers saved so far,
 * save answers, send them for good. An unknown, used or lapsed token are one and the same answer, so that
 * a guessed token tells nothing; a refused answer records nothing.
 */
public interface SurveyAnswering {

    /** The survey the token opens, or empty (unknown, used or lapsed). */
    Optional<OpenSurvey> open(String token, Instant now);

    /**
     * Saves {@code answers} (by question id, as the form sends them; empty values are no answer) or, with
     * {@code submit}, sends them for good: the link is used.
     */
    Answered answer(String token, Map<String, String> answers, boolean submit, Instant now);

    /**
     * A survey open for answers.
     *
     * @param centreName      the centre's name, as the page names who asks
     * @param saved           the answers saved so far, by question id
     * @param followUpOffer   whether the page offers the follow-up interview (the "à froid" survey, while the offer is open)
     * @param expireTime      when the link lapses
     * @param funderYear      the year a funder is asked about (its page speaks to the funder), or null for a
     *                        beneficiary's survey
     */
    record OpenSurvey(String surveyId, SurveyKind kind, Questionnaire questionnaire, String centreName,
            Map<String, String> saved, boolean followUpOffer, Instant expireTime, Integer funderYear) {
    }

    /** What an answer did. */
    sealed interface Answered {
    }

    /** The token opens nothing (unknown, used or lapsed): nothing recorded. */
    record Unavailable() implements Answered {
    }

    /** The answers were saved; the survey stays open. */
    record Saved(OpenSurvey survey) implements Answered {
    }

    /** The answers were sent for good; the link is used. */
    record Submitted(String centreName) implements Answered {
    }

    /**
     * The answers were refused, nothing recorded: the errors in French by question id (a score out of its
     * scale, a choice not offered, a required question left empty on sending), and the answers as given,
     * for the page to show them again.
     */
    record Refused(OpenSurvey survey, Map<String, String> errors, Map<String, String> given,
            List<String> unknownQuestions) implements Answered {
    }
}
