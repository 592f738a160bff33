package fr.bilan.session.calendar;


/** A session of the bilan already scheduled, and what became of it. */
public record BilanSession(Phase phase, Slot slot, SessionStatus status) {

    SessionHours hours() {
        return new SessionHours(phase, slot.duration(), status);
    }

    /** Whether it holds its time: held or to be held, for the centre's rules and the phases' order. */
    boolean takesPlace() {
        return status != SessionStatus.CANCELLED;
    }
}
