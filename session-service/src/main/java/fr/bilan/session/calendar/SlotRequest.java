package fr.bilan.session.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;


/**
 * What a {@link SlotFinder} looks for: a session of {@code duration} in {@code phase} of one bilan,
 * starting at {@code from} or later.
 *
 * @param remainingHours the bilan's counted hours left (a phase not counted ignores them)
 * @param busy           the consultant's, the beneficiary's and, on site, the room's sessions
 * @param bilanSessions  the bilan's sessions not cancelled, for the centre's week and spacing rules
 */
public record SlotRequest(Phase phase, Duration duration, Instant from, Duration remainingHours, BusyTimes busy,
        List<Slot> bilanSessions) {

    public SlotRequest {
        if (duration.isNegative() || duration.isZero() || remainingHours.isNegative()) {
            throw new IllegalArgumentException("a session lasts some time, and hours left are not negative");
        }
        bilanSessions = List.copyOf(bilanSessions);
    }
}
