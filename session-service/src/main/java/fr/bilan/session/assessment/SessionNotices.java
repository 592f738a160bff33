package fr.bilan.session.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.bilan.session.calendar.SessionStatus;

/**
 * What notification-service is told of a bilan: the state of each of its sessions, and the end of
 * its action, as facts whose event id is derived from that state (the session, its sequence, its
 * consultant, what became of it). The relay sends the state as it stands when it runs, so a fact
 * reported again, or overtaken before the relay ran, is never told twice: notification-service
 * takes an event id once. A change that makes no new fact (one signature of two, a hand-over, a new
 * login) needs no delivery.
 */
public final class SessionNotices {

    private SessionNotices() {
    }

    /** The facts {@code assessment} stands at, its sessions' in time order, its end last. */
    public static List<SessionNotice> of(Assessment assessment) {
        List<SessionNotice> notices = new ArrayList<>();
        assessment.sessions().stream().sorted(Comparator.comparing(ScheduledSession::start))
                .map(session -> of(assessment, session)).forEach(notices::add);
        if (assessment.actionEndTime() != null) {
            notices.add(new SessionNotice(SessionNotice.Kind.ASSESSMENT_ENDED,
                    eventId("ended", assessment.id()), assessment.actionEndTime(), assessment.id(),
                    assessment.beneficiaryId(), assessment.centreId(), null, ""));
        }
        return notices;
    }

    /** Whether {@code after} stands at a fact {@code before} did not: a change notification-service must hear of. */
    public static boolean anyNew(Assessment before, Assessment after) {
        Set<String> known = of(before).stream().map(SessionNotice::eventId).collect(Collectors.toSet());
        return of(after).stream().anyMatch(notice -> !known.contains(notice.eventId()));
    }

    private static SessionNotice of(Assessment assessment, ScheduledSession session) {
        String sequence = String.valueOf(session.sequence());
        return switch (session.status()) {
            // a reassignment keeps the sequence: the consultant tells it apart
            case PLANNED -> notice(SessionNotice.Kind.SCHEDULED, assessment, session, session.changeTime(),
                    "scheduled", sequence, session.consultantId());
            case CANCELLED -> notice(SessionNotice.Kind.CANCELLED, assessment, session, session.changeTime(),
                    "cancelled", sequence);
            case ATTENDED, ABSENT -> notice(SessionNotice.Kind.SETTLED, assessment, session, settleTime(session),
                    "settled");
        };
    }

    private static SessionNotice notice(SessionNotice.Kind kind, Assessment assessment, ScheduledSession session,
            Instant occurTime, String... state) {
        List<String> parts = new ArrayList<>(List.of(assessment.id(), session.id()));
        parts.addAll(List.of(state));
        return new SessionNotice(kind, eventId(parts.toArray(String[]::new)), occurTime, assessment.id(),
                assessment.beneficiaryId(), assessment.centreId(), session, session.calendarUid(assessment.id()));
    }

    /**
     * When an attended session was settled: its last signature. A missed one's absence is recorded
     * after it without keeping when: its end stands for it.
     */
    private static Instant settleTime(ScheduledSession session) {
        if (session.status() == SessionStatus.ABSENT || session.signatures().isEmpty()) {
            return session.slot().end();
        }
        return session.signatures().stream().map(AttendanceSignature::time).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * A name-based UUID of the state: the same state always gives the same id, within the 64
     * characters notification-service keeps, whatever the length of the identifiers.
     */
    private static String eventId(String... state) {
        return UUID.nameUUIDFromBytes(String.join("/", state).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
