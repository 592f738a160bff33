package fr.bilan.retention.schedule;

import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.proto.retention.v1.ScheduledDestruction;
import fr.bilan.retention.document.StoredDocumentMessages;
import fr.bilan.retention.hold.LegalHold;
import fr.bilan.support.time.ProtoTime;

/** A bilan's retention schedule and its legal holds as the contract shows them. */
final class ScheduleMessages {

    private ScheduleMessages() {
    }

    static fr.bilan.proto.retention.v1.RetentionSchedule toProto(RetentionSchedule schedule) {
        var message = fr.bilan.proto.retention.v1.RetentionSchedule.newBuilder()
                .setAssessmentId(schedule.assessmentId());
        schedule.actionEndTime().ifPresent(end -> message.setActionEndTime(ProtoTime.of(end)));
        schedule.regimeId().ifPresent(message::setRegime);
        schedule.destructions().forEach(destruction -> message.addDestructions(toProto(destruction)));
        schedule.legalHolds().forEach(hold -> message.addLegalHolds(toProto(hold)));
        return message.build();
    }

    static fr.bilan.proto.retention.v1.LegalHold toProto(LegalHold hold) {
        var message = fr.bilan.proto.retention.v1.LegalHold.newBuilder().setId(hold.id())
                .setAssessmentId(hold.assessmentId()).setReason(hold.reason()).setCreateBy(hold.createBy())
                .setCreateTime(ProtoTime.of(hold.createTime()));
        hold.liftBy().ifPresent(message::setLiftBy);
        hold.liftTime().ifPresent(time -> message.setLiftTime(ProtoTime.of(time)));
        hold.liftReason().ifPresent(message::setLiftReason);
        return message.build();
    }

    private static ScheduledDestruction toProto(PlannedDestruction destruction) {
        ScheduledDestruction.Builder message = ScheduledDestruction.newBuilder()
                .setDocumentId(destruction.documentId()).setKind(StoredDocumentMessages.toProto(destruction.kind()))
                .setHolder(destruction.holder()).setStoreTime(ProtoTime.of(destruction.storeTime()))
                .setState(DestructionState.valueOf(destruction.state().name())).setHeld(destruction.held());
        destruction.dueTime().ifPresent(due -> message.setDueTime(ProtoTime.of(due)));
        destruction.destroyTime().ifPresent(destroyed -> message.setDestroyTime(ProtoTime.of(destroyed)));
        destruction.rule().ifPresent(rule -> message.setRuleId(rule.id())
                .setRuleVersion(String.valueOf(destruction.ruleVersion())).setLegalSource(rule.source())
                .setRuleLabel(rule.label()));
        return message.build();
    }
}
