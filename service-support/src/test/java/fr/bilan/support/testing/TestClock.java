package fr.bilan.support.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system's until a test sets it, so that a test can move to
 * day 11 of an agreement and see what happens with no request at all.
 */
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on, time stands at {@code instant}. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the system's time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application reads instants and counts days in zones of its own");
    }
}
