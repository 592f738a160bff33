package fr.bilan.session.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.session.availability.AvailabilityRepository;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.calendar.ConsultantAvailability;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.ProposedSession;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.security.Caller;

/**
 * A bilan's sessions, booked, moved, cancelled and held: each change is the bilan's to decide
 * ({@link Assessment}), against its centre's rules and its consultant's availability as they are
 * now, and is applied whole ({@link AssessmentChanges}). A retried booking names the same session
 * ids, so it books nothing twice.
 */
@Component
class SessionBookings {

    private final AssessmentChanges changes;
    private final CentreProperties centres;
    private final AvailabilityRepository availabilities;
    private final Clock clock;

    SessionBookings(AssessmentChanges changes, CentreProperties centres, AvailabilityRepository availabilities,
            Clock clock) {
        this.changes = changes;
        this.centres = centres;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    /** Books one session {@code sessionId}, unless an earlier try of the same request did. */
    Assessment schedule(Assessment read, String sessionId, ProposedSession asked, Place place) {
        return changes.apply(read.id(), assessment -> {
            Instant now = clock.instant();
            return assessment.session(sessionId).isPresent() ? assessment
                    : assessment.schedule(ScheduledSession.planned(sessionId, asked.phase(), asked.slot(), place,
                            assessment.consultantId(), now), centres.rules(assessment.centreId()),
                            availabilityOf(assessment), now);
        });
    }

    /** Books a whole plan, each session under its id in {@code ids}, or none; a retry books nothing again. */
    Assessment acceptPlan(Assessment read, List<String> ids, List<ProposedSession> plan, Place place) {
        return changes.apply(read.id(), assessment -> {
            if (assessment.session(ids.get(0)).isPresent()) {
                return assessment;
            }
            Instant now = clock.instant();
            List<ScheduledSession> sessions = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                sessions.add(ScheduledSession.planned(ids.get(i), plan.get(i).phase(), plan.get(i).slot(), place,
                        assessment.consultantId(), now));
            }
            return assessment.scheduleAll(sessions, centres.rules(assessment.centreId()), availabilityOf(assessment),
                    now);
        });
    }

    /** Moves a session to {@code slot} and {@code place}; moving it where it is changes nothing. */
    Assessment reschedule(Assessment read, String sessionId, Slot slot, Place place) {
        return changes.apply(read.id(), assessment -> assessment.session(sessionId)
                .filter(session -> session.slot().equals(slot) && session.place().equals(place)).isPresent()
                ? assessment
                : assessment.reschedule(sessionId, slot, place, centres.rules(assessment.centreId()),
                        availabilityOf(assessment), clock.instant()));
    }

    Assessment cancel(Assessment read, String sessionId, String reason) {
        return changes.apply(read.id(), assessment -> assessment.cancel(sessionId, reason, clock.instant()));
    }

    /** Signs the session's sheet as the bilan lets the caller sign ({@link Signatory}). */
    Assessment signAttendance(Caller caller, Assessment read, String sessionId, Optional<Signer> asked,
            SignatureMethod method) {
        Signatory signatory = AssessmentAccess.signatory(caller, read);
        Instant now = clock.instant();
        return changes.apply(read.id(),
                assessment -> assessment.signAttendance(sessionId, signatory, asked, method, now));
    }

    /** Notes the beneficiary absent, as the session's consultant. */
    Assessment markAbsent(Caller caller, Assessment read, ScheduledSession session) {
        AssessmentAccess.checkMarksAbsence(caller, read, session);
        return changes.apply(read.id(), assessment -> assessment.markAbsent(session.id(), clock.instant()));
    }

    /**
     * Records personal work of the beneficiary under {@code id}, by {@code recordedBy}, its day checked
     * in the centre's zone; a retry under the same id records nothing again.
     */
    Assessment recordPersonalWork(Assessment read, String id, Phase phase, PersonalWorkKind kind, LocalDate day,
            Duration duration, String recordedBy) {
        Instant now = clock.instant();
        return changes.apply(read.id(), assessment -> assessment.recordPersonalWork(
                new PersonalWork(id, phase, kind, day, duration, recordedBy, now),
                centres.rules(assessment.centreId()).zone().zone()));
    }

    private ConsultantAvailability availabilityOf(Assessment assessment) {
        return availabilities.of(assessment.consultantId()).availability();
    }
}
