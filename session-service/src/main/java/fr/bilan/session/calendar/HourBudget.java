package fr.bilan.session.calendar;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * The hours of a bilan, from its sessions: planned, attended and remaining, per phase, between the
 * floor of 13 hours of effective accompaniment (R6313-4 as amended by the décret of February 2026)
 * and the cap of 24 counted hours (L6313-4). The intake interview is not counted; a cancelled session
 * or one the beneficiary missed uses no hours. Scheduling, moving or lengthening a session past the
 * cap is refused with the hours used per phase. The beneficiary's personal work (documentary
 * research, surveys of professionals) is shown per phase beside them and counted in neither: it is
 * not accompaniment, and the CPF does not fund it (D6323-6 as amended in 2026).
 */
public final class HourBudget {

    public static final Duration CAP = Duration.ofHours(24);

    /** The cap as a refusal states it, before saying how many hours remain. */
    public static final String CAP_RULE =
            "Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, L6313-4)";

    /**
     * The floor: the attended hours of the three phases of the action ({@link #delivered}) a bilan
     * needs to end as completed.
     */
    public static final Duration FLOOR = Duration.ofHours(13);

    /** The floor as a refusal states it, before saying how many hours were delivered. */
    public static final String FLOOR_RULE = "Un bilan de compétences compte au moins 13 heures d'accompagnement "
            + "effectif (Code du travail, R6313-4, modifié par le décret de février 2026)";

    /**
     * A phase's hours: booked and not held yet, held with the beneficiary present, and the
     * beneficiary's personal work recorded in it (not accompaniment: never in {@link #used}).
     */
    public record PhaseHours(Duration planned, Duration attended, Duration personalWork) {

        public Duration used() {
            return planned.plus(attended);
        }
    }

    private final Map<Phase, PhaseHours> byPhase;

    private HourBudget(Map<Phase, PhaseHours> byPhase) {
        this.byPhase = byPhase;
    }

    /** The hours of {@code sessions}, without personal work: what the cap and the floor look at. */
    public static HourBudget of(List<SessionHours> sessions) {
        return of(sessions, List.of());
    }

    /** The hours of {@code sessions}, and the beneficiary's personal work shown beside them. */
    public static HourBudget of(List<SessionHours> sessions, List<PersonalWorkHours> personalWork) {
        Map<Phase, PhaseHours> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new PhaseHours(sum(sessions, phase, SessionStatus.PLANNED),
                    sum(sessions, phase, SessionStatus.ATTENDED),
                    personalWork.stream().filter(work -> work.phase() == phase).map(PersonalWorkHours::duration)
                            .reduce(Duration.ZERO, Duration::plus)));
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
     * The accompaniment delivered: the attended hours of the three phases of the action. What the
     * floor looks at, and what the CPF pays for (completion rate of the CPF dossier); the intake
     * interview, the follow-up interview (after the action), missed sessions and personal work are not in it.
     */
    public Duration delivered() {
        return byPhase.entrySet().stream().filter(entry -> entry.getKey().ofTheAction())
                .map(entry -> entry.getValue().attended()).reduce(Duration.ZERO, Duration::plus);
    }

    /** What the accompaniment delivered still lacks to reach the floor; zero once it is reached. */
    public Duration missingToFloor() {
        return missing(delivered());
    }

    /** The beneficiary's personal work recorded, every phase: shown, never counted. */
    public Duration personalWork() {
        return byPhase.values().stream().map(PhaseHours::personalWork).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Refuses to end the action as completed with {@code delivered} hours of accompaniment, below the
     * floor; the side exits (withdrawal, abandonment, force majeure) are not asked this.
     */
    public static void checkFloorReached(Duration delivered) {
        if (delivered.compareTo(FLOOR) < 0) {
            throw new RuleRefusal(FLOOR_RULE + " : " + FrenchDurations.format(delivered) + " d'accompagnement ont été "
                    + "effectuées (séances des phases préliminaire, d'investigation et de conclusion auxquelles le "
                    + "bénéficiaire a assisté), il en manque " + FrenchDurations.format(missing(delivered))
                    + " pour terminer l'action. L'entretien préalable, les séances manquées et le travail personnel "
                    + "du bénéficiaire n'en font pas partie ; le retrait, l'abandon ou l'interruption restent possibles.");
        }
    }

    private static Duration missing(Duration delivered) {
        Duration missing = FLOOR.minus(delivered);
        return missing.isNegative() ? Duration.ZERO : missing;
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
