package fr.bilan.notification.record;

import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.Recipient;
import fr.bilan.proto.notification.v1.NotificationKind;
import fr.bilan.support.time.ProtoTime;

/** The record of a message as the contract shows it: who, which kind, when, what became of it; never its body. */
final class RecordMessages {

    static fr.bilan.proto.notification.v1.Notification toProto(Notification n) {
        var proto = fr.bilan.proto.notification.v1.Notification.newBuilder().setId(n.id())
                .setKind(NotificationKind.valueOf(n.kind().name())).setCentreId(n.centreId())
                .setDueTime(ProtoTime.of(n.dueTime()))
                .setOutcome(fr.bilan.proto.notification.v1.DeliveryOutcome.valueOf(n.outcome().name()))
                .setAttemptCount(n.attempts());
        if (n.recipient() instanceof Recipient.Beneficiary beneficiary) {
            proto.setBeneficiaryId(beneficiary.beneficiaryId());
        } else if (n.recipient() instanceof Recipient.Staff staff) {
            proto.setAccountId(staff.accountId());
        }
        if (n.assessmentId() != null) {
            proto.setAssessmentId(n.assessmentId());
        }
        if (n.templateVersion() != null) {
            proto.setTemplateVersion(n.templateVersion());
        }
        if (n.outcomeTime() != null) {
            proto.setOutcomeTime(ProtoTime.of(n.outcomeTime()));
        }
        if (n.outcomeReason() != null) {
            proto.setOutcomeReason(n.outcomeReason());
        }
        return proto.build();
    }

    /** The filter on outcome, {@code null} when unset. */
    static DeliveryOutcome outcome(fr.bilan.proto.notification.v1.DeliveryOutcome outcome) {
        return outcome == fr.bilan.proto.notification.v1.DeliveryOutcome.DELIVERY_OUTCOME_UNSPECIFIED ? null
                : DeliveryOutcome.valueOf(outcome.name());
    }

    private RecordMessages() {
    }
}
