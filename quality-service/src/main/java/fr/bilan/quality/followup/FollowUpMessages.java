package fr.bilan.quality.followup;

import fr.bilan.proto.quality.v1.SituationAtSixMonths;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** A follow-up as the contract shows it, and the situation and states it takes. */
final class FollowUpMessages {

    private FollowUpMessages() {
    }

    static fr.bilan.proto.quality.v1.FollowUp toProto(FollowUp followUp) {
        var message = fr.bilan.proto.quality.v1.FollowUp.newBuilder().setAssessmentId(followUp.assessmentId())
                .setState(fr.bilan.proto.quality.v1.FollowUpState.valueOf(followUp.state().name()))
                .setActionPlanStarted(followUp.actionPlanStarted()).setConsultantId(followUp.consultantId());
        if (followUp.dueDate() != null) {
            message.setDueDate(ProtoDates.of(followUp.dueDate()));
        }
        if (followUp.offerTime() != null) {
            message.setOfferTime(ProtoTime.of(followUp.offerTime()));
        }
        if (followUp.answerChannel() != null) {
            message.setAnswerChannel(fr.bilan.proto.quality.v1.AnswerChannel.valueOf(followUp.answerChannel().name()));
        }
        if (followUp.answerTime() != null) {
            message.setAnswerTime(ProtoTime.of(followUp.answerTime()));
        }
        if (followUp.heldDate() != null) {
            message.setHeldDate(ProtoDates.of(followUp.heldDate()));
        }
        if (followUp.situation() != null) {
            message.setSituation(SituationAtSixMonths.valueOf(followUp.situation().name()));
        }
        if (followUp.sessionTime() != null) {
            message.setSessionTime(ProtoTime.of(followUp.sessionTime()));
        }
        return message.build();
    }

    /** The situation given; {@code null} when not given (or unknown to this version). */
    static Situation situation(SituationAtSixMonths situation) {
        return switch (situation) {
            case IN_PROJECT -> Situation.IN_PROJECT;
            case IN_TRAINING -> Situation.IN_TRAINING;
            case NEW_JOB -> Situation.NEW_JOB;
            case STILL_SEARCHING -> Situation.STILL_SEARCHING;
            case OTHER -> Situation.OTHER;
            case SITUATION_AT_SIX_MONTHS_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    /** The state given; {@code null} when not given (or unknown to this version). */
    static FollowUpState state(fr.bilan.proto.quality.v1.FollowUpState state) {
        return switch (state) {
            case SCHEDULED -> FollowUpState.SCHEDULED;
            case OFFERED -> FollowUpState.OFFERED;
            case ACCEPTED -> FollowUpState.ACCEPTED;
            case DECLINED -> FollowUpState.DECLINED;
            case HELD -> FollowUpState.HELD;
            case NOT_OFFERED -> FollowUpState.NOT_OFFERED;
            case BOOKED -> FollowUpState.BOOKED;
            case FOLLOW_UP_STATE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }
}
