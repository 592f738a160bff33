package fr.bilan.session.calendar;

import java.time.LocalTime;

/** One opening range of a centre's day, in its local time: [opens, closes). */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a centre closes after it opens: " + opens + "-" + closes);
        }
    }

    /** Whether a session from {@code start} to {@code end}, the same local day, fits within it. */
    boolean holds(LocalTime start, LocalTime end) {
        return !start.isBefore(opens) && !end.isAfter(closes);
    }
}
