package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.session.availability.AvailabilityRepository;
import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.session.calendar.BilanPlanner;
import fr.bilan.session.calendar.BilanSession;
import fr.bilan.session.calendar.BusyTimes;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.calendar.CentreRules;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.PlanShape;
import fr.bilan.session.calendar.ProposedSession;
import fr.bilan.session.calendar.Slot;
import fr.bilan.session.calendar.SlotFinder;
import fr.bilan.session.calendar.SlotRequest;

/**
 * Proposals for a bilan: the next free slots for one session, or a plan of all the remaining ones,
 * from the calendar as it stands (the consultant's, the beneficiary's and the room's holds, read by
 * key) and every rule a booking will check. Nothing is booked here.
 */
@Component
class SessionPlanning {

    /** How far the holds are read for a plan: its sessions spread over several months. */
    private static final Period PLAN_WINDOW = Period.ofWeeks(30);

    private final Reservations reservations;
    private final CentreProperties centres;
    private final AvailabilityRepository availabilities;

    SessionPlanning(Reservations reservations, CentreProperties centres, AvailabilityRepository availabilities) {
        this.reservations = reservations;
        this.centres = centres;
        this.availabilities = availabilities;
    }

    /** The first {@code count} free slots for a session of {@code phase}, starting after {@code after}. */
    List<Slot> proposeSlots(Assessment assessment, Phase phase, Duration duration, Instant after, int count,
            Optional<String> roomId) {
        assessment.checkPhaseOpen(phase);
        PhaseOrder.checkEarlierPhasesPlanned(phase, assessment.sessions());
        List<ScheduledSession> held = assessment.sessions().stream().filter(ScheduledSession::holdsSlot).toList();
        // the phases follow one another: after the earlier phases' sessions, before the later ones'
        Instant from = held.stream().filter(session -> session.phase().ordinal() < phase.ordinal())
                .map(session -> session.slot().end()).reduce(startAfter(after), (a, b) -> a.isAfter(b) ? a : b);
        Optional<Instant> before = held.stream().filter(session -> session.phase().ordinal() > phase.ordinal())
                .map(ScheduledSession::start).min(Instant::compareTo);
        SlotRequest request = new SlotRequest(phase, duration, from, assessment.hours().remaining(),
                busy(assessment, roomId, from, SlotFinder.DEFAULT_HORIZON),
                held.stream().map(ScheduledSession::slot).toList());
        return finder(assessment).next(request, count).stream()
                .filter(slot -> before.map(limit -> !slot.end().isAfter(limit)).orElse(true)).toList();
    }

    /** Every remaining session of the typical shape, each of {@code duration}, from {@code after}. */
    List<ProposedSession> proposePlan(Assessment assessment, Duration duration, Instant after, Optional<String> roomId) {
        List<BilanSession> sessions = assessment.sessions().stream()
                .map(session -> new BilanSession(session.phase(), session.slot(), session.status())).toList();
        return new BilanPlanner(finder(assessment), PlanShape.typical(duration))
                .plan(sessions, busy(assessment, roomId, after, PLAN_WINDOW), startAfter(after));
    }

    /** A booking starts strictly after now: a proposal starting at this very instant could not be booked. */
    private static Instant startAfter(Instant after) {
        return after.plusSeconds(1);
    }

    private SlotFinder finder(Assessment assessment) {
        CentreRules rules = centres.rules(assessment.centreId());
        return new SlotFinder(rules, availabilities.of(assessment.consultantId()).availability());
    }

    /** What the consultant, the beneficiary and the room (if any) already hold over the window. */
    private BusyTimes busy(Assessment assessment, Optional<String> roomId, Instant from, Period window) {
        Instant to = from.atOffset(ZoneOffset.UTC).plus(window).toInstant();
        List<Resource> resources = new ArrayList<>(List.of(Resource.consultant(assessment.consultantId()),
                Resource.beneficiary(assessment.beneficiaryId())));
        roomId.ifPresent(room -> resources.add(Resource.room(assessment.centreId(), room)));
        return BusyTimes.of(resources.stream().flatMap(resource -> reservations.held(resource, from, to).stream())
                .map(Hold::slot).toList());
    }
}
