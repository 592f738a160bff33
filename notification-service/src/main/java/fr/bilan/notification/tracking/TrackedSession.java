package fr.bilan.notification.tracking;

import java.time.Instant;
import java.util.Objects;

import fr.bilan.notification.message.Subject;

/**
 * A session as notification-service last heard of it: what a change is compared with (an older
 * {@code sequence} changes nothing), where a cancellation finds its place, and what the consultants'
 * digests list (a session held whose sheet is not signed).
 *
 * @param session       the session as it last stood (its times, place, consultant, sequence)
 * @param lastOccurTime when the last fact taken about it happened at the producer
 */
public record TrackedSession(String beneficiaryId, String centreId, Subject.Session session, SessionState state,
        Instant lastOccurTime) {

    public TrackedSession {
        Objects.requireNonNull(beneficiaryId);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(session);
        Objects.requireNonNull(state);
        Objects.requireNonNull(lastOccurTime);
    }

    public String reference() {
        return session.reference();
    }

    public TrackedSession in(SessionState next, Instant occurTime) {
        return new TrackedSession(beneficiaryId, centreId, session, next, occurTime);
    }

    /** What becomes of a session, as far as messages and digests go. */
    public enum SessionState {
        /** Booked (or moved): convened, reminded, then awaiting its signatures once held. */
        SCHEDULED,
        /** Cancelled: nothing more about it. */
        CANCELLED,
        /** Signed by both, or recorded as missed: no digest asks for it. */
        SETTLED,
        /** Its bilan's action ended: no reminder, no digest line. */
        ENDED
    }
}
