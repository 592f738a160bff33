package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.LocalDate;

import fr.bilan.beneficiary.France;

/**
 * The exit the bilan proposes, once its action ended: ready for staff to declare.
 *
 * @param planned        the dossier's planned hours; zero when none was proposed yet
 * @param partialReason  {@code null} when complete
 * @param absences       sessions the holder missed
 */
public record ExitProposal(LocalDate exitDate, Duration delivered, Duration planned, int completionPercent,
        PartialReason partialReason, int absences) {

    /**
     * The exit of an action that ended on {@code endDate} with {@code delivered} hours of accompaniment
     * against {@code planned}: the completion rate rounded down and capped at 100 %, and the reason
     * from the outcome when it fell short.
     */
    static ExitProposal of(LocalDate endDate, BilanOutcome outcome, Duration delivered, Duration planned, int absences) {
        Duration plannedHours = planned == null ? Duration.ZERO : planned;
        int percent = plannedHours.isZero() ? 0
                : (int) Math.min(100, delivered.toMinutes() * 100 / plannedHours.toMinutes());
        return new ExitProposal(endDate, delivered, plannedHours, percent,
                percent >= 100 ? null : PartialReason.of(outcome), absences);
    }

    /** In French, ready to show. */
    public String summary() {
        String hours = hours(delivered) + " d'accompagnement réalisées"
                + (planned.isZero() ? " (aucune durée prévue n'est enregistrée)"
                        : " sur " + hours(planned) + " prévues, soit " + completionPercent + " %");
        String reason = partialReason == null ? "" : " ; sortie partielle, motif : " + partialReason.label()
                + (partialReason == PartialReason.ABSENCES ? " (" + absences + " séance(s) manquée(s))" : "");
        return "Sortie de formation le " + France.date(exitDate) + " : " + hours + reason + ".";
    }

    /** 18 h 30, 20 h. */
    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format("%d h %02d", minutes / 60, minutes % 60);
    }
}
