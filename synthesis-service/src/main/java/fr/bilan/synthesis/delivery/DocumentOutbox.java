package fr.bilan.synthesis.delivery;

import java.time.Instant;

import org.bson.Document;
import org.springframework.stereotype.Component;

import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.content.SynthesisRepository;

/**
 * The document outbox ({@code outbox=document}), carried by the synthèse documents themselves:
 * every stored PDF is registered with retention-service, which schedules its destruction. At least
 * once, the receiver being idempotent; one PDF per synthèse, so no order binds them.
 */
@Component
class DocumentOutbox implements OutboxDefinition<DocumentOutbox.StoredPdf> {

    /** A stored PDF waiting for its registration: where and whose, never what it says. */
    record StoredPdf(String assessmentId, String beneficiaryId, String centreId, String eventId, String objectKey,
            String sha256, long sizeBytes, Instant storeTime, int attempts) {
    }

    private static final String HOLDER = "synthesis-service";

    private final OutboxCollection entries;
    private final String bucket;

    DocumentOutbox(SynthesisRepository syntheses, ObjectStorage storage) {
        this.entries = new OutboxCollection(syntheses.syntheses(), SynthesisRepository.DOCUMENT,
                SynthesisRepository.DOCUMENT.field() + "." + SynthesisRepository.CREATE_TIME);
        this.bucket = storage.bucket();
    }

    @Override
    public String name() {
        return "document";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public StoredPdf read(Document synthesis) {
        Document document = synthesis.get(SynthesisRepository.DOCUMENT.field(), Document.class);
        return new StoredPdf(synthesis.getString("_id"), synthesis.getString(SynthesisRepository.BENEFICIARY),
                synthesis.getString(SynthesisRepository.CENTRE), document.getString(SynthesisRepository.EVENT_ID),
                document.getString(SynthesisRepository.OBJECT_KEY), document.getString(SynthesisRepository.SHA256),
                document.getLong(SynthesisRepository.STORED_SIZE),
                document.getDate(SynthesisRepository.CREATE_TIME).toInstant(), entries.marker().attemptsOf(synthesis));
    }

    @Override
    public PendingEntry entry(StoredPdf pdf) {
        return new PendingEntry(pdf.assessmentId(), pdf.attempts(),
                "Stored synthesis document of assessment " + pdf.assessmentId());
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var retention = receivers.retention();
        return new UnorderedDeliveries<>(this, (pdf, deadline) -> retention.withDeadline(deadline)
                .registerDocument(RegisterDocumentRequest.newBuilder().setDocument(stored(pdf)).build())
                .getFirstDelivery());
    }

    private StoredDocument stored(StoredPdf pdf) {
        return StoredDocument.newBuilder()
                .setEventId(pdf.eventId())
                .setKind(DocumentKind.SYNTHESIS_DOCUMENT)
                .setAssessmentId(pdf.assessmentId())
                .setBeneficiaryId(pdf.beneficiaryId())
                .setCentreId(pdf.centreId())
                .setHolder(HOLDER)
                .setBucket(bucket)
                .setObjectKey(pdf.objectKey())
                .setSha256(pdf.sha256())
                .setSizeBytes(pdf.sizeBytes())
                .setStoreTime(ProtoTime.of(pdf.storeTime()))
                .build();
    }
}
