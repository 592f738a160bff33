package fr.bilan.session.calendar;

import java.time.Duration;

/** One session as the hour count sees it: its phase, its length, what became of it. */
public record SessionHours(Phase phase, Duration duration, SessionStatus status) {

    public SessionHours {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a session lasts some time");
        }
    }
}
