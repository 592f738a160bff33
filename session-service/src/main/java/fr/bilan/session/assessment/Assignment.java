package fr.bilan.session.assessment;

import java.time.Instant;

/** A consultant's assignment to a bilan; ended assignments are kept as its history. */
public record Assignment(String consultantId, Instant startTime, Instant endTime, String assignedBy) {

    public boolean current() {
        return endTime == null;
    }

    Assignment endedAt(Instant time) {
        return new Assignment(consultantId, startTime, time, assignedBy);
    }
}
