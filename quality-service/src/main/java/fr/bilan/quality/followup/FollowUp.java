package fr.bilan.quality.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The follow-up interview of one bilan (R6313-4 3° c), about six months after the end of the action: scheduled
 * when a completed bilan ends, offered at its due date, accepted or declined (from the survey's link, or by the
 * consultant on the beneficiary's word; answering again replaces the answer until the outcome), then held with
 * the beneficiary's situation (recording it again corrects it). A bilan that ended without being completed
 * is not offered one. Immutable: each change answers the follow-up as it then stands, at the same
 * {@code version}, which the store moves on.
 *
 * @param dueDate       the day it is offered for; {@code null} when not offered
 * @param offerTime     when it was offered, {@code null} before
 * @param answerChannel who answered, {@code null} before an answer
 * @param answerTime    when it was answered, {@code null} before
 * @param heldDate      the day it was held, {@code null} before
 * @param situation     the situation recorded, {@code null} before
 * @param endDate       the end of the action
 * @param version       the stored version read (0 before the first write)
 */
public record FollowUp(String assessmentId, String centreId, FollowUpState state, LocalDate dueDate, Instant offerTime,
        AnswerChannel answerChannel, Instant answerTime, LocalDate heldDate, Situation situation,
        boolean actionPlanStarted, LocalDate endDate, long version) {

    public FollowUp {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The follow-up of a bilan whose action ended: scheduled for its due date when completed, not offered
     * after a drop-out.
     */
    public static FollowUp of(BilanRecord ended) {
        if (!ended.outcome().ended()) {
            throw new IllegalArgumentException("the action of " + ended.assessmentId() + " runs: no follow-up yet");
        }
        boolean offered = !ended.outcome().dropOut() && ended.followUpDueDate() != null;
        return new FollowUp(ended.assessmentId(), ended.centreId(),
                offered ? FollowUpState.SCHEDULED : FollowUpState.NOT_OFFERED, offered ? ended.followUpDueDate() : null,
                null, null, null, null, null, false, ended.endDate(), 0);
    }

    /**
     * The follow-up as newer facts of its bilan tell it: while scheduled it follows them whole (a corrected
     * end or due date); once offered, only where the bilan belongs and when it ended change.
     */
    public FollowUp retold(BilanRecord ended) {
        if (state == FollowUpState.SCHEDULED || state == FollowUpState.NOT_OFFERED) {
            return withVersion(of(ended), version);
        }
        return new FollowUp(assessmentId, ended.centreId(), state, dueDate, offerTime, answerChannel, answerTime,
                heldDate, situation, actionPlanStarted, ended.endDate(), version);
    }

    /** Whether its date has come on {@code today} while it waits to be offered. */
    public boolean due(LocalDate today) {
        return state == FollowUpState.SCHEDULED && !dueDate.isAfter(today);
    }

    /** Offered at {@code now}, its date having come on {@code today}; offering again changes nothing. */
    public FollowUp offered(Instant now, LocalDate today) {
        if (state != FollowUpState.SCHEDULED) {
            return this;
        }
        if (!due(today)) {
            throw new RuleRefusal("L'entretien de suivi est proposé à partir du " + FrenchDays.of(dueDate) + ".");
        }
        return new FollowUp(assessmentId, centreId, FollowUpState.OFFERED, dueDate, now, null, null, null, null, false,
                endDate, version);
    }

    /**
     * The beneficiary's answer to the offer, given through {@code channel} at {@code when}: once offered, and
     * until the outcome is recorded; the same answer through the same channel again changes nothing.
     */
    public FollowUp answered(boolean accepted, AnswerChannel channel, Instant when) {
        switch (state) {
            case SCHEDULED -> throw new RuleRefusal("L'entretien de suivi n'a pas encore été proposé au bénéficiaire : "
                    + "il le sera le " + FrenchDays.of(dueDate) + ".");
            case HELD -> throw new RuleRefusal("L'entretien de suivi a eu lieu : la réponse à sa proposition ne change "
                    + "plus.");
            case NOT_OFFERED -> throw notOffered();
            default -> {
                // OFFERED, ACCEPTED, DECLINED
            }
        }
        FollowUpState answer = accepted ? FollowUpState.ACCEPTED : FollowUpState.DECLINED;
        if (state == answer && channel == answerChannel) {
            return this;
        }
        return new FollowUp(assessmentId, centreId, answer, dueDate, offerTime, channel, when, null, null, false,
                endDate, version);
    }

    /**
     * The outcome of the interview held on {@code held}: offered (holding it says it was accepted) or accepted,
     * or held already (recording again corrects it); not in the future ({@code today}), nor before the end of
     * the action.
     */
    public FollowUp held(LocalDate held, Situation situation, boolean actionPlanStarted, LocalDate today) {
        Objects.requireNonNull(situation, "situation");
        switch (state) {
            case SCHEDULED -> throw new RuleRefusal("L'entretien de suivi n'a pas encore été proposé : il le sera le "
                    + FrenchDays.of(dueDate) + ", son résultat se note ensuite.");
            case DECLINED -> throw new RuleRefusal("Le bénéficiaire a décliné l'entretien de suivi : notez d'abord "
                    + "qu'il l'accepte, puis son résultat.");
            case NOT_OFFERED -> throw notOffered();
            default -> {
                // OFFERED, ACCEPTED, HELD
            }
        }
        if (held.isAfter(today)) {
            throw InvalidFields.of("heldDate", "L'entretien ne peut pas avoir eu lieu après aujourd'hui (le "
                    + FrenchDays.of(today) + ").");
        }
        if (endDate != null && held.isBefore(endDate)) {
            throw InvalidFields.of("heldDate", "L'entretien de suivi a lieu après la fin de l'action (le "
                    + FrenchDays.of(endDate) + ").");
        }
        return new FollowUp(assessmentId, centreId, FollowUpState.HELD, dueDate, offerTime, answerChannel, answerTime,
                held, situation, actionPlanStarted, endDate, version);
    }

    private static RuleRefusal notOffered() {
        return new RuleRefusal("Ce bilan s'est terminé sans être achevé : aucun entretien de suivi ne lui est proposé.");
    }

    /** The same follow-up at the stored {@code version}. */
    public FollowUp withVersion(long stored) {
        return withVersion(this, stored);
    }

    private static FollowUp withVersion(FollowUp f, long version) {
        return new FollowUp(f.assessmentId, f.centreId, f.state, f.dueDate, f.offerTime, f.answerChannel, f.answerTime,
                f.heldDate, f.situation, f.actionPlanStarted, f.endDate, version);
    }
}
