package fr.bilan.retention.schedule;

import fr.bilan.retention.hold.LegalHold;
import fr.bilan.support.time.ProtoTime;

/** A legal hold as the contract shows it. */
final class LegalHoldMessages {

    private LegalHoldMessages() {
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
}
