package fr.bilan.session.assessment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The phases follow one another in the calendar too (R6313-4): a session of a phase ends before
 * any session of a later phase starts, and starts after every session of an earlier phase ended.
 * Each phase of the bilan proper (préliminaire, investigation, conclusion) has a session of its own
 * before the next one starts: a session of a later phase is booked only after a session of each
 * earlier one, planned or attended (an absence delivered nothing, a cancelled one holds nothing).
 * Planning ahead stays open: investigation sessions may be booked during the préliminaire, after
 * its sessions.
 */
final class PhaseOrder {

    /** The phases of the bilan proper, in order; the intake interview and the follow-up stand outside. */
    private static final List<Phase> BILAN_PROPER = List.of(Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION);
    private static final String LAW = "les phases se suivent dans l'ordre (Code du travail, R6313-4).";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

    private PhaseOrder() {
    }

    /** Refuses {@code slot} for a session of {@code phase} among the bilan's {@code others}. */
    static void check(Phase phase, Slot slot, List<ScheduledSession> others, ZoneId zone) {
        for (ScheduledSession other : others) {
            if (!other.holdsSlot() || other.phase() == phase) {
                continue;
            }
            boolean earlier = other.phase().ordinal() < phase.ordinal();
            if (earlier && other.slot().end().isAfter(slot.start())) {
                throw new RuleRefusal("Une séance " + phase.ofThe() + " ne peut pas commencer avant la fin de "
                        + "celle " + other.phase().ofThe() + " du " + WHEN.format(other.start().atZone(zone))
                        + " : " + LAW);
            }
            if (!earlier && slot.end().isAfter(other.start())) {
                throw new RuleRefusal("Une séance " + phase.ofThe() + " doit se terminer avant celle "
                        + other.phase().ofThe() + " du " + WHEN.format(other.start().atZone(zone)) + " : " + LAW);
            }
        }
        for (Phase earlier : earlierPhasesOf(phase)) {
            if (!hasSessionEndingBy(earlier, slot.start(), others)) {
                throw new RuleRefusal("Une séance " + phase.ofThe() + " vient après au moins une séance " + earlier.ofThe()
                        + " : planifiez d'abord une séance " + earlier.ofThe() + " avant le "
                        + WHEN.format(slot.start().atZone(zone)) + " ; " + LAW);
            }
        }
    }

    /**
     * Refuses to look for a slot for {@code phase} while an earlier phase of the bilan proper has no
     * session of its own among {@code sessions}: no slot could be booked.
     */
    static void checkEarlierPhasesPlanned(Phase phase, List<ScheduledSession> sessions) {
        for (Phase earlier : earlierPhasesOf(phase)) {
            if (!hasSessionEndingBy(earlier, Instant.MAX, sessions)) {
                throw new RuleRefusal("Une séance " + phase.ofThe() + " vient après au moins une séance " + earlier.ofThe()
                        + " : planifiez d'abord une séance " + earlier.ofThe() + " ; " + LAW);
            }
        }
    }

    private static List<Phase> earlierPhasesOf(Phase phase) {
        int index = BILAN_PROPER.indexOf(phase);
        return index < 0 ? List.of() : BILAN_PROPER.subList(0, index);
    }

    /** Whether a session of {@code phase} that will take place or took place ends by {@code by}. */
    private static boolean hasSessionEndingBy(Phase phase, Instant by, List<ScheduledSession> sessions) {
        return sessions.stream().anyMatch(session -> session.phase() == phase && session.status().usesHours()
                && !session.slot().end().isAfter(by));
    }
}
