package fr.bilan.quality.register.dropout;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.Pseudonym;

/**
 * A bilan ended without being completed, as the register shows it (Qualiopi's indicator 12): under its
 * pseudonym, never its id; why, when, the minutes of accompaniment planned and delivered, and the phase
 * it stopped in.
 *
 * @param lastPhase the last of the three phases with minutes planned or delivered; empty when none had any
 */
public record DropOut(String pseudonym, DropOutReason reason, LocalDate endDate, int deliveredMinutes,
        int plannedMinutes, Optional<Phase> lastPhase) {

    /** The phases of the action, in their order (the follow-up comes after its end). */
    private static final List<Phase> ACTION = List.of(Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION);

    /** The drop-out a bilan's facts show; empty when the bilan is not one (under way, completed). */
    public static Optional<DropOut> of(BilanRecord bilan) {
        return DropOutReason.of(bilan.outcome()).map(reason -> new DropOut(
                Pseudonym.of(bilan.centreId(), bilan.assessmentId()), reason, bilan.endDate(),
                bilan.deliveredMinutesOfTheAction(), bilan.plannedMinutesOfTheAction(), lastPhase(bilan)));
    }

    private static Optional<Phase> lastPhase(BilanRecord bilan) {
        Optional<Phase> last = Optional.empty();
        for (Phase phase : ACTION) {
            boolean reached = bilan.hoursOf(phase)
                    .filter(hours -> hours.plannedMinutes() > 0 || hours.deliveredMinutes() > 0).isPresent();
            if (reached) {
                last = Optional.of(phase);
            }
        }
        return last;
    }
}
