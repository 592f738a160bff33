package fr.bilan.quality.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The surveys as kept. */
public interface Surveys {

    /** Keeps a new survey; false when one with its id is kept already (planned before: nothing changes). */
    boolean plan(Survey survey);

    /** Writes {@code changed} if the kept one is still at its version; the survey at its new version, or empty. */
    Optional<Survey> update(Survey changed);

    /**
     * Writes {@code changed} like {@link #update} and, in the same write, arms the notice of its invitation
     * ({@code reminder} 0) or of a reminder (1, 2…) for the relay to notification-service.
     */
    Optional<Survey> updateAndNotify(Survey changed, int reminder, Instant now);

    Optional<Survey> byId(String id);

    /** The survey whose link's token hashes to {@code linkHash}. */
    Optional<Survey> byLinkHash(String linkHash);

    /** A bilan's surveys, the earliest planned first. */
    List<Survey> ofAssessment(String assessmentId);

    /** The funders' yearly surveys of {@code centreId} about {@code year}. */
    List<Survey> ofFunders(String centreId, int year);

    /** Surveys planned whose invitation is due at {@code now}, at most {@code limit}. */
    List<Survey> dueInvitations(Instant now, int limit);

    /** Open surveys (sent, not answered for good) sent at or before {@code sentBy} with fewer than {@code reminders} reminders. */
    List<Survey> dueReminders(Instant sentBy, int reminders, int limit);

    /** Open surveys whose link expired at {@code now}. */
    List<Survey> expired(Instant now, int limit);

    /**
     * The surveys of {@code centreId} answered for good in [{@code start}, {@code end}), newest first,
     * after the position ({@code afterTime}, {@code afterId}) when given.
     */
    List<Survey> answeredIn(String centreId, Instant start, Instant end, Instant afterTime, String afterId,
            int limit);

    /** Forgets a bilan's surveys (its process evidence destroyed); how many there were. */
    long eraseAssessment(String assessmentId);
}
