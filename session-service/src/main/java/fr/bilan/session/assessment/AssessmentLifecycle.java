package fr.bilan.session.assessment;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The moves a bilan may make, and the conditions of each (R6313-4): the phases in order, each after
 * the previous one held at least one session the beneficiary attended; the préliminaire only with the
 * beneficiary's consent to take part in force (L6313-1); the conclusion ends with the synthèse handed
 * over, or closed by the consultant with a reason, and only once 13 hours of accompaniment were
 * delivered (R6313-4 as amended in 2026); side exits before the end of the action, each with its
 * reason, whatever the hours delivered. Refusals say why in French.
 */
public final class AssessmentLifecycle {

    /**
     * What the conditions look at.
     *
     * @param participationConsented whether the beneficiary's consent to take part in the bilan
     *                               (PARTICIPATION) is in force now
     * @param delivered              the accompaniment delivered ({@link HourBudget#delivered}): what the
     *                               13-hour floor looks at to end the action as completed
     */
    public record Progress(boolean fundingConfirmed, boolean participationConsented, Set<Phase> phasesAttended,
            boolean synthesisHandedOver, Duration delivered) {

        public Progress {
            phasesAttended = Set.copyOf(phasesAttended);
        }
    }

    private static final Set<AssessmentState> SIDE_EXITS =
            EnumSet.of(AssessmentState.WITHDRAWN, AssessmentState.ABANDONED, AssessmentState.INTERRUPTED);

    private static final Map<AssessmentState, Set<AssessmentState>> MAIN_PATH = Map.of(
            AssessmentState.INTAKE_INTERVIEW, EnumSet.of(AssessmentState.FUNDING_AGREED),
            AssessmentState.FUNDING_AGREED, EnumSet.of(AssessmentState.PRELIMINARY),
            AssessmentState.PRELIMINARY, EnumSet.of(AssessmentState.INVESTIGATION),
            AssessmentState.INVESTIGATION, EnumSet.of(AssessmentState.CONCLUSION),
            AssessmentState.CONCLUSION, EnumSet.of(AssessmentState.ACTION_ENDED),
            // the follow-up interview is offered, not imposed
            AssessmentState.ACTION_ENDED, EnumSet.of(AssessmentState.FOLLOW_UP, AssessmentState.CLOSED),
            AssessmentState.FOLLOW_UP, EnumSet.of(AssessmentState.CLOSED));

    private AssessmentLifecycle() {
    }

    /** The states {@code from} may move to, side exits included. */
    public static Set<AssessmentState> next(AssessmentState from) {
        Set<AssessmentState> next = EnumSet.noneOf(AssessmentState.class);
        next.addAll(MAIN_PATH.getOrDefault(from, Set.of()));
        if (!from.actionEnded()) {
            next.addAll(SIDE_EXITS);
        }
        return next;
    }

    /**
     * Refuses the move from {@code from} to {@code to} unless it is allowed and its conditions hold.
     *
     * @param reason why, in the consultant's words: required for a side exit, and for a conclusion
     *               closed without the synthèse handed over; may be blank otherwise
     */
    public static void checkMove(AssessmentState from, AssessmentState to, Progress progress, String reason) {
        if (!next(from).contains(to)) {
            throw new RuleRefusal("Un bilan au stade « " + from.frenchName() + " » ne peut pas passer au stade « "
                    + to.frenchName() + " »" + allowed(from) + ".");
        }
        boolean explained = reason != null && !reason.isBlank();
        if (to.sideExit() && !explained) {
            throw new RuleRefusal("Indiquez pourquoi le bilan passe au stade « " + to.frenchName() + " ».");
        }
        switch (to) {
            case FUNDING_AGREED -> {
                if (!progress.fundingConfirmed()) {
                    throw new RuleRefusal("Le financement de ce bilan n'est pas encore accordé (accord de prise en charge, "
                            + "convention signée ou réservation CPF).");
                }
            }
            case PRELIMINARY -> {
                if (!progress.participationConsented()) {
                    throw new RuleRefusal("Le bilan ne peut entrer en phase préliminaire qu'avec le consentement du "
                            + "bénéficiaire (Code du travail, L6313-1) : son consentement à la participation au bilan "
                            + "n'est pas enregistré, ou il l'a retiré.");
                }
            }
            case INVESTIGATION -> requireAttended(Phase.PRELIMINARY, to, progress);
            case CONCLUSION -> requireAttended(Phase.INVESTIGATION, to, progress);
            case ACTION_ENDED -> {
                requireAttended(Phase.CONCLUSION, to, progress);
                // the action completed: the side exits record the hours delivered whatever they are
                HourBudget.checkFloorReached(progress.delivered());
                if (!progress.synthesisHandedOver() && !explained) {
                    throw new RuleRefusal("La phase de conclusion se termine par la remise du document de synthèse ; "
                            + "s'il n'a pas été remis, indiquez pourquoi vous clôturez la phase.");
                }
            }
            default -> {
                // the other moves have no condition beyond being allowed
            }
        }
    }

    private static void requireAttended(Phase phase, AssessmentState to, Progress progress) {
        if (!progress.phasesAttended().contains(phase)) {
            throw new RuleRefusal("La " + to.frenchName() + " ne peut commencer qu'après au moins une séance de la "
                    + phase.frenchName() + " à laquelle le bénéficiaire a assisté (Code du travail, R6313-4).");
        }
    }

    private static String allowed(AssessmentState from) {
        List<String> names = next(from).stream().map(state -> "« " + state.frenchName() + " »").toList();
        return names.isEmpty() ? " : ce stade est définitif"
                : " ; depuis ce stade, il peut passer à : " + names.stream().collect(Collectors.joining(", "));
    }
}
