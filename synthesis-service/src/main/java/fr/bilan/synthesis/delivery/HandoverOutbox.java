package fr.bilan.synthesis.delivery;

import java.time.Instant;

import org.bson.Document;
import org.springframework.stereotype.Component;

import fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.content.SynthesisRepository;

/**
 * The hand-over outbox ({@code outbox=handover}), carried by the synthèse documents themselves: the
 * hand-over of the synthèse is reported to session-service, which ends the conclusion phase with
 * it. At least once, the receiver being idempotent; one hand-over per synthèse, so no order binds
 * them.
 */
@Component
class HandoverOutbox implements OutboxDefinition<HandoverOutbox.Handover> {

    /** A hand-over waiting for its report. */
    record Handover(String assessmentId, Instant handoverTime, int attempts) {
    }

    /** session-service: {@code spring.grpc.client.channel.session.*}. */
    private static final String SESSION_CHANNEL = "session";

    private final OutboxCollection entries;

    HandoverOutbox(SynthesisRepository syntheses) {
        this.entries = new OutboxCollection(syntheses.syntheses(), SynthesisRepository.HANDOVER,
                SynthesisRepository.HANDOVER.field() + "." + SynthesisRepository.HANDOVER_TIME);
    }

    @Override
    public String name() {
        return "handover";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public Handover read(Document synthesis) {
        Document handover = synthesis.get(SynthesisRepository.HANDOVER.field(), Document.class);
        return new Handover(synthesis.getString("_id"), handover.getDate(SynthesisRepository.HANDOVER_TIME).toInstant(),
                entries.marker().attemptsOf(synthesis));
    }

    @Override
    public PendingEntry entry(Handover handover) {
        return new PendingEntry(handover.assessmentId(), handover.attempts(),
                "Synthesis hand-over of assessment " + handover.assessmentId());
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var sessions = receivers.asService(SESSION_CHANNEL, AssessmentServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (handover, deadline) -> sessions.withDeadline(deadline)
                .recordSynthesisHandover(RecordSynthesisHandoverRequest.newBuilder()
                        .setAssessmentId(handover.assessmentId()).setHandoverTime(ProtoTime.of(handover.handoverTime()))
                        .build())
                .getFirstReport());
    }
}
