package fr.bilan.session.booking;

import fr.bilan.session.calendar.Slot;

/** A session's hold on a resource for its slot. */
public record Hold(Resource resource, String assessmentId, String sessionId, Slot slot) {
}
