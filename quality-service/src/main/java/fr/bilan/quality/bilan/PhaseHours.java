package fr.bilan.quality.bilan;

import java.util.Objects;

/**
 * The hours and sessions of one phase of a bilan: planned (sessions not cancelled), delivered (held with
 * the beneficiary present), attended and missed.
 */
public record PhaseHours(Phase phase, int plannedMinutes, int deliveredMinutes, int sessionsPlanned,
        int sessionsAttended, int sessionsMissed) {

    public PhaseHours {
        Objects.requireNonNull(phase, "phase");
        if (plannedMinutes < 0 || deliveredMinutes < 0 || sessionsPlanned < 0 || sessionsAttended < 0 || sessionsMissed < 0) {
            throw new IllegalArgumentException("negative hours or sessions");
        }
    }
}
