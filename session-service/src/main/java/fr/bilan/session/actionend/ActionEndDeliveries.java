package fr.bilan.session.actionend;

import java.time.LocalDate;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.RelayRun;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * What a run of the action-end outbox relay delivers: the due ends, the longest waiting first. Each
 * assessment has one end, so no order binds them: a refused end waits for its next attempt while
 * the others go; a failure that is not the end's own ends the run.
 */
class ActionEndDeliveries implements OutboxRelay.Deliveries {

    private final ActionEndOutbox outbox;
    private final RetentionServiceBlockingStub retention;

    /** @param retention calling as the service itself */
    ActionEndDeliveries(ActionEndOutbox outbox, RetentionServiceBlockingStub retention) {
        this.outbox = outbox;
        this.retention = retention;
    }

    @Override
    public void deliverDue(RelayRun run) {
        for (PendingActionEnd end : outbox.due(run.start(), run.budget())) {
            if (run.over()) {
                return;
            }
            var request = RecordActionEndRequest.newBuilder().setActionEnd(toActionEnd(end)).build();
            Outcome outcome = run.deliver(end.pending(),
                    deadline -> retention.withDeadline(deadline).recordActionEnd(request).getFirstDelivery());
            if (outcome == Outcome.RUN_STOPPED) {
                return;
            }
        }
    }

    /**
     * What retention-service needs of an end: identifiers (the funding's too, for the holder of its
     * agreement), outcome and days; no name.
     */
    private static ActionEnd toActionEnd(PendingActionEnd end) {
        ActionEnd.Builder message = ActionEnd.newBuilder()
                .setEventId(end.eventId())
                .setAssessmentId(end.assessmentId())
                .setBeneficiaryId(end.beneficiaryId())
                .setCentreId(end.centreId())
                .setOutcome(end.outcome())
                .setFundingId(end.fundingId());
        if (end.startTime() != null) {
            message.setStartTime(ProtoTime.of(end.startTime()));
        }
        if (end.endTime() != null) {
            message.setEndTime(ProtoTime.of(end.endTime()));
        }
        if (end.followUpDueDate() != null) {
            message.setFollowUpDueDate(ProtoDates.of(LocalDate.parse(end.followUpDueDate())));
        }
        return message.build();
    }
}
