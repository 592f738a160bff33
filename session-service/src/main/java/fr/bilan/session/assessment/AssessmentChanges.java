package fr.bilan.session.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.session.booking.SlotTaken;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.support.refusal.Conflict;

/**
 * Applies a change to a bilan: reads it, lets the domain change it, holds the calendar slots the
 * change adds (consultant, beneficiary, room), writes the bilan under the version read, then
 * releases the slots the change gave up. A slot taken is refused naming it ({@link SessionSlotTaken}); a
 * bilan changed in between is read again and the change tried again (a few times, then a
 * {@link Conflict}). Slots held for a write that lost are released at once; those of a write that
 * never came (a crash) are orphans, cleared when found in the way ({@link Reservations}).
 */
@Component
public class AssessmentChanges {

    private static final int ATTEMPTS = 3;

    private final AssessmentRepository assessments;
    private final Reservations reservations;
    private final CentreProperties centres;
    private final Clock clock;

    AssessmentChanges(AssessmentRepository assessments, Reservations reservations, CentreProperties centres,
            Clock clock) {
        this.assessments = assessments;
        this.reservations = reservations;
        this.centres = centres;
        this.clock = clock;
    }

    private Assessment require(String id) {
        return assessments.find(id).orElseThrow(() -> AssessmentQueries.unknown(id));
    }

    /** Applies {@code change}; a change that returns the bilan as read writes nothing. */
    public Assessment apply(String id, UnaryOperator<Assessment> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Assessment read = require(id);
            Assessment changed = change.apply(read);
            if (changed == read) {
                return read;
            }
            Set<Hold> before = holds(read);
            Set<Hold> after = holds(changed);
            List<Hold> added = after.stream().filter(hold -> !before.contains(hold)).toList();
            List<Hold> held = new ArrayList<>();
            try {
                for (Hold hold : added) {
                    reservations.reserve(hold, clock.instant(), this::stillHeld);
                    held.add(hold);
                }
            } catch (SlotTaken taken) {
                held.forEach(reservations::release);
                throw new SessionSlotTaken(taken, centres.rules(read.centreId()).zone().zone());
            }
            var written = assessments.update(read, changed);
            if (written.isPresent()) {
                before.stream().filter(hold -> !after.contains(hold)).forEach(reservations::release);
                return written.get();
            }
            held.forEach(reservations::release);
        }
        throw new Conflict("Ce bilan a été modifié plusieurs fois pendant votre demande : réessayez.");
    }

    /**
     * Destroys the bilan's process evidence, three years after the end of its action
     * ({@link Assessment#evidenceDestroyed}), and answers how many records went: its sessions and
     * its assignments; 0 when they were destroyed already, or there is no such bilan. The holds of
     * its sessions are released before the stub is written, unlike a change's: a crash in between
     * leaves the evidence in place and still due, so the purge's next attempt releases them again
     * and writes the stub, whereas a crash after the write would leave holds naming the bilan's
     * sessions, with their times, that nothing would ever release.
     */
    public long destroyEvidence(String id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Assessment> found = assessments.find(id);
            if (found.isEmpty()) {
                return 0;
            }
            Assessment read = found.get();
            Assessment stub = read.evidenceDestroyed(clock.instant());
            if (stub == read) {
                return 0;
            }
            holds(read).forEach(reservations::release);
            if (assessments.update(read, stub).isPresent()) {
                return read.sessions().size() + read.assignments().size();
            }
        }
        throw new Conflict("Ce bilan a été modifié plusieurs fois pendant la destruction de ses pièces : réessayez.");
    }

    /** Whether a hold found in the way is still its session's (else an orphan of a failed booking). */
    private boolean stillHeld(Hold hold) {
        return assessments.find(hold.assessmentId()).map(assessment -> holds(assessment).contains(hold)).orElse(false);
    }

    /** What a bilan's sessions hold: each session not cancelled, its consultant, its beneficiary, its room. */
    static Set<Hold> holds(Assessment assessment) {
        Set<Hold> holds = new LinkedHashSet<>();
        for (ScheduledSession session : assessment.sessions()) {
            if (!session.holdsSlot()) {
                continue;
            }
            holds.add(new Hold(Resource.consultant(session.consultantId()), assessment.id(), session.id(), session.slot()));
            holds.add(new Hold(Resource.beneficiary(assessment.beneficiaryId()), assessment.id(), session.id(),
                    session.slot()));
            if (session.place().roomId() != null) {
                holds.add(new Hold(Resource.room(assessment.centreId(), session.place().roomId()), assessment.id(),
                        session.id(), session.slot()));
            }
        }
        return holds;
    }
}
