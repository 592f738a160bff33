package fr.bilan.session.consultant;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.assessment.ScheduledSession;
import fr.bilan.session.availability.AvailabilityRepository;
import fr.bilan.session.availability.DeclaredAvailability;
import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.resources.Etags;
import fr.bilan.support.security.Caller;

/**
 * A consultant's calendar and availability, as those who plan for them reach them: the consultant
 * themself, the managers of the centres where they lead a bilan ({@link ConsultantAccess}).
 */
@Component
class ConsultantCalendars {

    /** A session of a bilan, as a calendar shows it. */
    record BilanSession(Assessment bilan, ScheduledSession session) {
    }

    /**
     * What a caller sees of a consultant's calendar over a period: the bilans they reach with a
     * session there, and those sessions in time order.
     */
    record Period(List<Assessment> bilans, List<BilanSession> sessions) {
    }

    private final Reservations reservations;
    private final AssessmentRepository assessments;
    private final AvailabilityRepository availabilities;

    ConsultantCalendars(Reservations reservations, AssessmentRepository assessments,
            AvailabilityRepository availabilities) {
        this.reservations = reservations;
        this.assessments = assessments;
        this.availabilities = availabilities;
    }

    /** The consultant themself, or a manager of a centre where they lead a bilan. */
    void checkPlansFor(Caller caller, String consultantId) {
        ConsultantAccess.checkPlansFor(caller, consultantId, () -> assessments.anyLedBy(consultantId, caller.centres()));
    }

    DeclaredAvailability availability(String consultantId) {
        return availabilities.of(consultantId);
    }

    /**
     * Replaces the consultant's availability with the one {@code declaredAt} reads at the version it
     * will have, if the stored one is still the version {@code etag} names (the one stored when empty).
     */
    DeclaredAvailability replaceAvailability(String consultantId, String etag,
            LongFunction<DeclaredAvailability> declaredAt) {
        DeclaredAvailability stored = availabilities.of(consultantId);
        long expected = Etags.expectedVersion(etag, stored.version());
        DeclaredAvailability declared = declaredAt.apply(expected + 1);
        if (expected != stored.version() || !availabilities.save(declared, expected)) {
            throw new Conflict("Ces disponibilités ont changé depuis votre lecture : relisez-les avant de les "
                    + "modifier.");
        }
        return declared;
    }

    /** The consultant's sessions from {@code start} to {@code end} in the bilans the caller sees. */
    Period sessions(Caller caller, String consultantId, Instant start, Instant end) {
        ConsultantAccess.checkCalendar(caller, consultantId);
        // the holds say which bilans; each bilan's document says what the sessions are now
        Map<String, Optional<Assessment>> bilans = new LinkedHashMap<>();
        List<Hold> holds = reservations.held(Resource.consultant(consultantId), start, end);
        holds.forEach(hold -> bilans.computeIfAbsent(hold.assessmentId(), assessments::find));
        List<Assessment> seen = bilans.values().stream().flatMap(Optional::stream)
                .filter(bilan -> ConsultantAccess.seesBilan(caller, consultantId, bilan.centreId()))
                .toList();
        List<BilanSession> sessions = seen.stream()
                .flatMap(bilan -> bilan.sessions().stream()
                        .filter(session -> session.holdsSlot() && session.consultantId().equals(consultantId)
                                && session.slot().start().isBefore(end) && session.slot().end().isAfter(start))
                        .map(session -> new BilanSession(bilan, session)))
                .sorted(Comparator.comparing(held -> held.session().slot().start()))
                .toList();
        return new Period(seen, sessions);
    }
}
