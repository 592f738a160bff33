package fr.bilan.session.calendar;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * The 24 counted hours of a bilan (L6313-4), from its sessions: planned, attended and remaining,
 * per phase. The intake interview is not counted; a cancelled session or one the beneficiary missed
 * uses no hours. Scheduling, moving or lengthening a session past the cap is refused with the hours
 * used per phase.
 */
public final class HourBudget {

    public static final Duration CAP = Duration.ofHours(24);

    /** The cap as a refusal states it, before saying how many hours remain. */
    public static final String CAP_RULE =
            "Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, L6313-4)";

    /** A phase's hours: booked and not held yet, and held with the beneficiary present. */
    public record PhaseHours(Duration planned, Duration attended) {

        public Duration used() {
            return planned.plus(attended);
        }
    }

    private final Map<Phase, PhaseHours> byPhase;

    private HourBudget(Map<Phase, PhaseHours> byPhase) {
        this.byPhase = byPhase;
    }

    public static HourBudget of(List<SessionHours> sessions) {
        Map<Phase, PhaseHours> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new PhaseHours(sum(sessions, phase, SessionStatus.PLANNED),
                    sum(sessions, phase, SessionStatus.ATTENDED)));
        }
        return new HourBudget(byPhase);
    }

    public PhaseHours of(Phase phase) {
        return byPhase.get(phase);
    }

    /** Hours counted against the cap: every counted phase, planned and attended. */
    public Duration used() {
        return byPhase.entrySet().stream().filter(entry -> entry.getKey().counted())
                .map(entry -> entry.getValue().used()).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration remaining() {
        Duration remaining = CAP.minus(used());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /**
     * Refuses {@code added} more hours in {@code phase} (a new session, or the longer part of a
     * moved or lengthened one) when they would take the bilan past the cap.
     */
    public void checkFits(Phase phase, Duration added) {
        if (!phase.counted() || added.isNegative() || added.isZero()) {
            return;
        }
        if (used().plus(added).compareTo(CAP) > 0) {
            throw new RuleRefusal(CAP_RULE + " : " + FrenchDurations.format(used())
                    + " sont déjà prévues ou effectuées (" + perPhase() + "), " + leftAndAsked(remaining(), added));
        }
    }

    /**
     * Refuses {@code added} more hours in {@code phase} when only {@code remaining} are left: for a
     * caller that knows the hours left rather than the sessions, such as a slot finder.
     */
    public static void checkFits(Phase phase, Duration added, Duration remaining) {
        if (phase.counted() && added.compareTo(remaining) > 0) {
            throw new RuleRefusal(CAP_RULE + " : " + leftAndAsked(remaining, added));
        }
    }

    private static String leftAndAsked(Duration remaining, Duration added) {
        return "il en reste " + FrenchDurations.format(remaining) + ", et cette séance en demande "
                + FrenchDurations.format(added) + ".";
    }

    /** « phase préliminaire : 6 h, phase d'investigation : 12 h 30 », counted phases with hours only. */
    String perPhase() {
        return byPhase.entrySet().stream()
                .filter(entry -> entry.getKey().counted() && !entry.getValue().used().isZero())
                .map(entry -> entry.getKey().frenchName() + " : " + FrenchDurations.format(entry.getValue().used()))
                .collect(Collectors.joining(", "));
    }

    private static Duration sum(List<SessionHours> sessions, Phase phase, SessionStatus status) {
        return sessions.stream().filter(session -> session.phase() == phase && session.status() == status)
                .map(SessionHours::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
