package fr.bilan.session.calendar;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time, half-open: [start, start + duration). Two slots that only touch do not overlap. */
public record Slot(Instant start, Duration duration) {

    public Slot {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a slot lasts some time");
        }
    }

    public Instant end() {
        return start.plus(duration);
    }

    public boolean overlaps(Slot other) {
        return start.isBefore(other.end()) && other.start().isBefore(end());
    }
}
