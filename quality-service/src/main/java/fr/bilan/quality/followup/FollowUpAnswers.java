package fr.bilan.quality.followup;

import java.time.Instant;

/**
 * Where the beneficiary's answer to the follow-up interview's offer goes when they give it from the "à
 * froid" survey's link (the consultant records theirs through FollowUpService).
 */
public interface FollowUpAnswers {

    /** The beneficiary of {@code assessmentId} accepted (or declined) the interview from the link, at {@code when}. */
    void answeredFromLink(String assessmentId, boolean accepted, Instant when);
}
