package fr.bilan.session.assessment;

import java.time.ZoneId;

import fr.bilan.session.booking.Resource;
import fr.bilan.session.booking.SlotTaken;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.AlreadyExists;

/**
 * A booking is refused because the consultant, the beneficiary or the room is already held over part
 * of the slot: the message names that slot in the centre's local time, never whose session it is.
 * The gRPC edge adds the slot to the status ({@link SlotConflicts}), so that a client can show it.
 */
public final class SessionSlotTaken extends AlreadyExists {

    private final Resource.Kind kind;
    private final Slot taken;

    SessionSlotTaken(SlotTaken taken, ZoneId centreZone) {
        super(taken.frenchMessage(centreZone));
        this.kind = taken.kind();
        this.taken = taken.taken();
    }

    public Resource.Kind kind() {
        return kind;
    }

    public Slot taken() {
        return taken;
    }
}
