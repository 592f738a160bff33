package fr.bilan.session.calendar;

/** What became of a scheduled session. */
public enum SessionStatus {
    /** Scheduled, not held yet: its hours are booked against the 24. */
    PLANNED,
    /** Held, the beneficiary present (attendance signed). */
    ATTENDED,
    /** Held without the beneficiary: no accompaniment delivered, no hours used. */
    ABSENT,
    /** Called off before it took place. */
    CANCELLED;

    /** Whether its hours count against the cap: booked or delivered. */
    public boolean usesHours() {
        return this == PLANNED || this == ATTENDED;
    }
}
