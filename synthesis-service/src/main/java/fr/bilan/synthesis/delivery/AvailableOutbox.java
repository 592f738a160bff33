package fr.bilan.synthesis.delivery;

import java.time.Instant;

import org.bson.Document;
import org.springframework.stereotype.Component;

import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.SynthesisAvailable;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.NotificationFacts;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.content.SynthesisRepository;

/**
 * The availability outbox ({@code outbox=synthesis-available}), carried by the synthèse documents
 * themselves: a synthèse made final is told to notification-service, which writes to the
 * beneficiary that it can be downloaded (a link, never the document). At least once, under an event
 * id written with the finalisation, so a redelivery is taken once; one per synthèse, so no order
 * binds them.
 */
@Component
class AvailableOutbox implements OutboxDefinition<AvailableOutbox.Available> {

    /** A final synthèse waiting to be told: whose and when, never what it says. */
    record Available(String assessmentId, String beneficiaryId, String centreId, String eventId, Instant availableTime,
            int attempts) {
    }

    /** notification-service: {@code spring.grpc.client.channel.notification.*}. */

    private final OutboxCollection entries;

    AvailableOutbox(SynthesisRepository syntheses) {
        this.entries = new OutboxCollection(syntheses.syntheses(), SynthesisRepository.AVAILABLE,
                SynthesisRepository.AVAILABLE.field() + "." + SynthesisRepository.AVAILABLE_TIME);
    }

    @Override
    public String name() {
        return "synthesis-available";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public Available read(Document synthesis) {
        Document available = synthesis.get(SynthesisRepository.AVAILABLE.field(), Document.class);
        return new Available(synthesis.getString("_id"), synthesis.getString(SynthesisRepository.BENEFICIARY),
                synthesis.getString(SynthesisRepository.CENTRE), available.getString(SynthesisRepository.EVENT_ID),
                available.getDate(SynthesisRepository.AVAILABLE_TIME).toInstant(), entries.marker().attemptsOf(synthesis));
    }

    @Override
    public PendingEntry entry(Available available) {
        return new PendingEntry(available.assessmentId(), available.attempts(),
                "Synthesis of assessment " + available.assessmentId() + " available (event " + available.eventId() + ")");
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        return NotificationFacts.oneEach(this, receivers, AvailableOutbox::event);
    }

    private static NotificationEvent event(Available available) {
        return NotificationEvent.newBuilder().setEventId(available.eventId())
                .setOccurTime(ProtoTime.of(available.availableTime()))
                .setSynthesisAvailable(SynthesisAvailable.newBuilder().setAssessmentId(available.assessmentId())
                        .setBeneficiaryId(available.beneficiaryId()).setCentreId(available.centreId()))
                .build();
    }
}
