package fr.bilan.session.calendar;

import java.time.Duration;
import java.util.List;


/** The sessions a bilan is planned with, phase by phase, in the phases' order. */
public record PlanShape(List<PhaseSessions> phases) {

    /** So many sessions of {@code duration} in {@code phase}. */
    public record PhaseSessions(Phase phase, int sessions, Duration duration) {

        public PhaseSessions {
            if (sessions < 0 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("sessions are counted and last some time: " + sessions + ", "
                        + duration);
            }
        }
    }

    public PlanShape {
        phases = List.copyOf(phases);
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).phase().compareTo(phases.get(i - 1).phase()) <= 0) {
                throw new IllegalArgumentException("each phase once, in order: " + phases);
            }
        }
    }

    /** The usual bilan: 3 sessions of the preliminary phase, 3 of investigation, 2 of conclusion. */
    public static PlanShape typical(Duration sessionDuration) {
        return new PlanShape(List.of(new PhaseSessions(Phase.PRELIMINARY, 3, sessionDuration),
                new PhaseSessions(Phase.INVESTIGATION, 3, sessionDuration),
                new PhaseSessions(Phase.CONCLUSION, 2, sessionDuration)));
    }
}
