package fr.bilan.session.assessment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import fr.bilan.session.calendar.Slot;

/**
 * The phases follow one another in the calendar too (R6313-4): a session of a phase ends before
 * any session of a later phase starts, and starts after every session of an earlier phase ended.
 */
final class PhaseOrder {

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
                throw new Refusal("Une séance " + phase.ofThe() + " ne peut pas commencer avant la fin de "
                        + "celle " + other.phase().ofThe() + " du " + WHEN.format(other.start().atZone(zone))
                        + " : les phases se suivent dans l'ordre (Code du travail, R6313-4).");
            }
            if (!earlier && slot.end().isAfter(other.start())) {
                throw new Refusal("Une séance " + phase.ofThe() + " doit se terminer avant celle "
                        + other.phase().ofThe() + " du " + WHEN.format(other.start().atZone(zone))
                        + " : les phases se suivent dans l'ordre (Code du travail, R6313-4).");
            }
        }
    }
}
