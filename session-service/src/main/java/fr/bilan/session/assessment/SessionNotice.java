package fr.bilan.session.assessment;

import java.time.Instant;

/**
 * A fact about a bilan's sessions that notification-service is told ({@link SessionNotices}): what
 * it plans or withdraws messages from. Identifiers, times and places only, never a name.
 *
 * @param eventId    stable for the state it reports: the same state reported again is a redelivery
 * @param occurTime  when it happened
 * @param session    the session it is about; {@code null} for {@link Kind#ASSESSMENT_ENDED}
 * @param calendarUid the UID of the session's event in calendars; empty for {@link Kind#ASSESSMENT_ENDED}
 */
public record SessionNotice(Kind kind, String eventId, Instant occurTime, String assessmentId, String beneficiaryId,
        String centreId, ScheduledSession session, String calendarUid) {

    /** What the fact says. */
    public enum Kind {
        /** A session booked, moved or given to another consultant: as it now stands. */
        SCHEDULED,
        /** A session cancelled. */
        CANCELLED,
        /** A session that needs nothing more: attended (signed by both) or missed. */
        SETTLED,
        /** The bilan's action ended. */
        ASSESSMENT_ENDED
    }
}
