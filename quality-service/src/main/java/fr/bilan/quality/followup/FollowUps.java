package fr.bilan.quality.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The follow-ups as kept, one a bilan, each under its version. */
public interface FollowUps {

    Optional<FollowUp> byId(String assessmentId);

    /** Keeps a new follow-up at version 1; false when the bilan has one already (nothing written). */
    boolean insert(FollowUp followUp);

    /** Writes {@code changed} if the kept one is still at {@code read}'s version; empty when it moved on. */
    Optional<FollowUp> replace(FollowUp read, FollowUp changed);

    /** At most {@code limit} scheduled follow-ups due on or before {@code today}, the earliest first. */
    List<FollowUp> due(LocalDate today, int limit);

    /** Forgets a bilan's follow-up; whether there was one. */
    boolean erase(String assessmentId);
}
