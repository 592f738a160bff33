package fr.bilan.quality.survey;

import java.time.Instant;
import java.util.List;

/**
 * The funders' yearly surveys as the funders' side asks for them: one per funder and year, sent at once
 * through the same links, page, reminders and lapse as a bilan's. Sending again asks nobody twice.
 */
public interface FunderSurveys {

    /**
     * The survey of funder {@code funderId} of {@code centreId} about {@code year}, sent at {@code now} unless it
     * was already.
     */
    Asked ask(String centreId, String funderId, int year, Instant now);

    /** The funders' surveys of {@code centreId} about {@code year}. */
    List<Survey> ofYear(String centreId, int year);

    /**
     * What asking did.
     *
     * @param sentNow false when the funder had been asked about that year already
     */
    record Asked(Survey survey, boolean sentNow) {
    }
}
