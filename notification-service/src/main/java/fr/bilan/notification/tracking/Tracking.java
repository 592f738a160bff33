package fr.bilan.notification.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What notification-service keeps of the sessions and agreements it heard of, for reminders and digests. */
public interface Tracking {

    Optional<TrackedSession> session(String assessmentId, String sessionId);

    /** Writes the session as it now stands (replacing what was known). */
    void save(TrackedSession session);

    Optional<TrackedAgreement> agreement(String fundingId);

    void save(TrackedAgreement agreement);

    /** Marks every session of a bilan {@link TrackedSession.SessionState#ENDED}; how many were not yet. */
    long endAssessment(String assessmentId, Instant occurTime);

    /** The sessions still {@code SCHEDULED} that ended before {@code before}: their sheets await signatures. */
    List<TrackedSession> heldUnsettled(Instant before);

    /** The sessions still {@code SCHEDULED} of a beneficiary that start after {@code after}. */
    List<TrackedSession> upcomingOf(String beneficiaryId, Instant after);

    /** The agreements still awaiting the employee's signature whose last day is at most {@code lastDay}. */
    List<TrackedAgreement> awaitingUntil(LocalDate lastDay);

    /** Forgets every session of a bilan (its process evidence is destroyed); how many. */
    long eraseAssessment(String assessmentId);

    /** The agreements still awaiting a beneficiary's signature. */
    List<TrackedAgreement> awaitingOf(String beneficiaryId);
}
