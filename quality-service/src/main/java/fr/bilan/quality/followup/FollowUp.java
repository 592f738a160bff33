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
 * consultant on the beneficiary's word; answering again replaces the answer until the outcome), booked while a
 * FOLLOW_UP session of the bilan is planned in session-service, then held with the beneficiary's situation
 * (recording it again corrects it). A bilan that ended without being completed is not offered one. Immutable:
 * each change answers the follow-up as it then stands, at the same {@code version}, which the store moves on.
 *
 * @param consultantId  the consultant assigned to the bilan, as its facts tell it; empty when none
 * @param dueDate       the day it is offered for; {@code null} when not offered
 * @param offerTime     when it was offered (or booked before its date), {@code null} before
 * @param answerChannel who answered, {@code null} before an answer
 * @param answerTime    when it was answered, {@code null} before
 * @param heldDate      the day it was held, {@code null} before
 * @param situation     the situation recorded, {@code null} before
 * @param sessionTime   the start of the bilan's FOLLOW_UP session (the earliest not cancelled), {@code null} while
 *                      none is planned
 * @param endDate       the end of the action
 * @param version       the stored version read (0 before the first write)
 */
public record FollowUp(String assessmentId, String centreId, String consultantId, FollowUpState state,
        LocalDate dueDate, Instant offerTime, AnswerChannel answerChannel, Instant answerTime, LocalDate heldDate,
        Situation situation, boolean actionPlanStarted, Instant sessionTime, LocalDate endDate, long version) {

    public FollowUp {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(state, "state");
        consultantId = consultantId == null ? "" : consultantId;
    }

    /**
     * The follow-up of a bilan whose action ended: scheduled for its due date when completed, not offered
     * after a drop-out; booked at {@code now} if its facts already show a follow-up session.
     */
    public static FollowUp of(BilanRecord ended, Instant now) {
        return scheduledOrNot(ended).withSession(ended.followUpSessionTime(), now);
    }

    private static FollowUp scheduledOrNot(BilanRecord ended) {
        if (!ended.outcome().ended()) {
            throw new IllegalArgumentException("the action of " + ended.assessmentId() + " runs: no follow-up yet");
        }
        boolean offered = !ended.outcome().dropOut() && ended.followUpDueDate() != null;
        return new FollowUp(ended.assessmentId(), ended.centreId(), ended.consultantId(),
                offered ? FollowUpState.SCHEDULED : FollowUpState.NOT_OFFERED, offered ? ended.followUpDueDate() : null,
                null, null, null, null, null, false, null, ended.endDate(), 0);
    }

    /**
     * The follow-up as newer facts of its bilan, learnt at {@code now}, tell it: while scheduled it follows them
     * whole (a corrected end or due date); once offered, only where the bilan belongs, who runs it and when it
     * ended change. In both cases the follow-up session they show books it, moves it or, cancelled, unbooks it.
     */
    public FollowUp retold(BilanRecord ended, Instant now) {
        FollowUp told = state == FollowUpState.SCHEDULED || state == FollowUpState.NOT_OFFERED
                ? withVersion(scheduledOrNot(ended), version)
                : new FollowUp(assessmentId, ended.centreId(), ended.consultantId(), state, dueDate, offerTime,
                        answerChannel, answerTime, heldDate, situation, actionPlanStarted, sessionTime, ended.endDate(),
                        version);
        return told.withSession(ended.followUpSessionTime(), now);
    }

    /**
     * The follow-up once session-service says its session starts at {@code session} ({@code null}: none, or
     * cancelled), learnt at {@code now}. Booking it while offered or accepted says the beneficiary accepted (on
     * the consultant's word, at the booking, unless an answer was recorded); booked before its date, the offer
     * is moot (the "à froid" survey still goes at the due date). Cancelled, a booked one is accepted again. A
     * declined, held or never offered one keeps its state: only the time shown follows.
     */
    FollowUp withSession(Instant session, Instant now) {
        return switch (state) {
            case SCHEDULED, OFFERED, ACCEPTED, BOOKED -> {
                if (session != null) {
                    yield new FollowUp(assessmentId, centreId, consultantId, FollowUpState.BOOKED, dueDate,
                            offerTime == null ? now : offerTime,
                            answerChannel == null ? AnswerChannel.CONSULTANT_RECORDED : answerChannel,
                            answerTime == null ? now : answerTime, heldDate, situation, actionPlanStarted, session,
                            endDate, version);
                }
                yield withState(state == FollowUpState.BOOKED ? FollowUpState.ACCEPTED : state, null);
            }
            case DECLINED, HELD, NOT_OFFERED -> withState(state, session);
        };
    }

    private FollowUp withState(FollowUpState newState, Instant session) {
        return new FollowUp(assessmentId, centreId, consultantId, newState, dueDate, offerTime, answerChannel,
                answerTime, heldDate, situation, actionPlanStarted, session, endDate, version);
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
        return new FollowUp(assessmentId, centreId, consultantId, FollowUpState.OFFERED, dueDate, now, null, null, null,
                null, false, sessionTime, endDate, version);
    }

    /**
     * The beneficiary's answer to the offer, given through {@code channel} at {@code when}: once offered, and
     * until the outcome is recorded; the same answer through the same channel again changes nothing. Accepted
     * while a session is planned, it is booked; declined, the planned session stays shown, for the consultant
     * to cancel it.
     */
    public FollowUp answered(boolean accepted, AnswerChannel channel, Instant when) {
        switch (state) {
            case SCHEDULED -> throw new RuleRefusal("L'entretien de suivi n'a pas encore été proposé au bénéficiaire : "
                    + "il le sera le " + FrenchDays.of(dueDate) + ".");
            case HELD -> throw new RuleRefusal("L'entretien de suivi a eu lieu : la réponse à sa proposition ne change "
                    + "plus.");
            case NOT_OFFERED -> throw notOffered();
            default -> {
                // OFFERED, ACCEPTED, DECLINED, BOOKED
            }
        }
        FollowUpState answer = !accepted ? FollowUpState.DECLINED
                : sessionTime == null ? FollowUpState.ACCEPTED : FollowUpState.BOOKED;
        if (state == answer && channel == answerChannel) {
            return this;
        }
        return new FollowUp(assessmentId, centreId, consultantId, answer, dueDate, offerTime, channel, when, null, null,
                false, sessionTime, endDate, version);
    }

    /** Whether it was accepted (booked or to book). */
    public boolean accepted() {
        return state == FollowUpState.ACCEPTED || state == FollowUpState.BOOKED;
    }

    /**
     * Whether this follow-up, changed from {@code before}, is the beneficiary's acceptance from the survey's link
     * (not the consultant's, who knows it; not the same acceptance again): what their consultant is told.
     */
    public boolean acceptedFromTheLinkSince(FollowUp before) {
        return accepted() && answerChannel == AnswerChannel.SURVEY_LINK && !before.accepted();
    }

    /**
     * The outcome of the interview held on {@code held}: offered (holding it says it was accepted), accepted or
     * booked, or held already (recording again corrects it); not in the future ({@code today}), nor before the
     * end of the action.
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
                // OFFERED, ACCEPTED, BOOKED, HELD
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
        return new FollowUp(assessmentId, centreId, consultantId, FollowUpState.HELD, dueDate, offerTime,
                answerChannel, answerTime, held, situation, actionPlanStarted, sessionTime, endDate, version);
    }

    private static RuleRefusal notOffered() {
        return new RuleRefusal("Ce bilan s'est terminé sans être achevé : aucun entretien de suivi ne lui est proposé.");
    }

    /** The same follow-up at the stored {@code version}. */
    public FollowUp withVersion(long stored) {
        return withVersion(this, stored);
    }

    private static FollowUp withVersion(FollowUp f, long version) {
        return new FollowUp(f.assessmentId, f.centreId, f.consultantId, f.state, f.dueDate, f.offerTime,
                f.answerChannel, f.answerTime, f.heldDate, f.situation, f.actionPlanStarted, f.sessionTime, f.endDate,
                version);
    }
}
