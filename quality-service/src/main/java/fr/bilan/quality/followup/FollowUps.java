package fr.bilan.quality.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The follow-ups as kept, one a bilan, each under its version. */
public interface FollowUps {

    Optional<FollowUp> byId(String assessmentId);

    /** Keeps a new follow-up at version 1; false when the bilan has one already (nothing written). */
    boolean insert(FollowUp followUp);

    /** Writes {@code changed} if the kept one is still at {@code read}'s version; empty when it moved on. */
    Optional<FollowUp> replace(FollowUp read, FollowUp changed);

    /**
     * As {@link #replace}, with, in the same write, the notice that tells {@code changed}'s consultant the
     * beneficiary accepted it (one per acceptance, whoever writes it and however often).
     */
    Optional<FollowUp> replaceTellingConsultant(FollowUp read, FollowUp changed);

    /** At most {@code limit} scheduled follow-ups due on or before {@code today}, the earliest first. */
    List<FollowUp> due(LocalDate today, int limit);

    /** Forgets a bilan's follow-up; whether there was one. */
    boolean erase(String assessmentId);

    /**
     * Where a page of a centre's follow-ups resumes: after the one due on {@code dueDate} ({@code null}: never
     * offered, listed first) with this id.
     */
    record ListPosition(LocalDate dueDate, String assessmentId) {
    }

    /**
     * At most {@code limit} follow-ups of {@code centreId}, only {@code consultantId}'s when not {@code null},
     * only in {@code states} when not empty, by due date (the never offered first) then assessment id, after
     * {@code after} when not {@code null}.
     */
    List<FollowUp> ofCentre(String centreId, String consultantId, Set<FollowUpState> states, ListPosition after,
            int limit);
}
