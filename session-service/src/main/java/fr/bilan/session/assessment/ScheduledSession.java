package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionHours;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;

/**
 * A session of a bilan: its phase, its slot, where, with whom, what became of it, and its
 * attendance sheet. Attended means both the beneficiary and the consultant signed (L6362-6: the
 * provider proves the hours delivered).
 *
 * @param sequence   how many times it was moved or cancelled: calendars that show it take the
 *                   highest as the latest (iCalendar's SEQUENCE)
 * @param changeTime when it was booked, moved, cancelled or given to another consultant last
 */
public record ScheduledSession(String id, Phase phase, Slot slot, Place place, String consultantId,
        SessionStatus status, List<AttendanceSignature> signatures, String cancelReason, int sequence,
        Instant changeTime) {

    public ScheduledSession {
        signatures = List.copyOf(signatures);
    }

    public static ScheduledSession planned(String id, Phase phase, Slot slot, Place place, String consultantId,
            Instant now) {
        return new ScheduledSession(id, phase, slot, place, consultantId, SessionStatus.PLANNED, List.of(), null, 0,
                now);
    }

    /** Whether it holds its slot: booked or held, not cancelled. */
    public boolean holdsSlot() {
        return status != SessionStatus.CANCELLED;
    }

    /**
     * The UID of its event in every calendar: the feed's, and the {@code .ics} of the messages about
     * it (notification-service), so that a change or a cancellation updates that same event.
     */
    public String calendarUid(String assessmentId) {
        return assessmentId + "." + id + "@bilan-competences";
    }

    public SessionHours hours() {
        return new SessionHours(phase, slot.duration(), status);
    }

    public boolean signedBy(Signer signer) {
        return signatures.stream().anyMatch(signature -> signature.signer() == signer);
    }

    ScheduledSession movedTo(Slot newSlot, Place newPlace, Instant now) {
        return new ScheduledSession(id, phase, newSlot, newPlace, consultantId, status, signatures, cancelReason,
                sequence + 1, now);
    }

    ScheduledSession ledBy(String consultant, Instant now) {
        return new ScheduledSession(id, phase, slot, place, consultant, status, signatures, cancelReason, sequence,
                now);
    }

    ScheduledSession cancelled(String reason, Instant now) {
        return new ScheduledSession(id, phase, slot, place, consultantId, SessionStatus.CANCELLED, signatures, reason,
                sequence + 1, now);
    }

    ScheduledSession missed() {
        return new ScheduledSession(id, phase, slot, place, consultantId, SessionStatus.ABSENT, signatures, cancelReason,
                sequence, changeTime);
    }

    /** With one more signature; attended once both have signed. */
    ScheduledSession signed(AttendanceSignature signature) {
        List<AttendanceSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        boolean both = all.stream().map(AttendanceSignature::signer).distinct().count() == Signer.values().length;
        return new ScheduledSession(id, phase, slot, place, consultantId, both ? SessionStatus.ATTENDED : status, all,
                cancelReason, sequence, changeTime);
    }

    Duration duration() {
        return slot.duration();
    }

    Instant start() {
        return slot.start();
    }
}
