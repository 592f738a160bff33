package fr.bilan.synthesis.delivery;

import java.time.Clock;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.synthesis.synthesis.SynthesisRepository;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.MarkedDeliveries;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.OutboxRelayConfiguration;
import fr.bilan.support.outbox.OutboxRelays;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.time.ProtoTime;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The synthèse's two outboxes, carried by the synthèse documents themselves: every stored PDF is
 * registered with retention-service, which schedules its destruction ({@code outbox=document} on
 * the metrics), and the hand-over is reported to session-service, which ends the conclusion phase
 * with it ({@code outbox=handover}). At least once each, both receivers being idempotent. The
 * relays run only when the service has credentials of its own ({@link OutboxRelayConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxRelayConfiguration.class)
class DeliveryConfiguration {

    private static final String HOLDER = "synthesis-service";

    @Bean
    OutboxMetrics documentOutboxMetrics(MeterRegistry registry, SynthesisRepository syntheses, Clock clock) {
        return new OutboxMetrics(registry, "document", documents(syntheses), clock);
    }

    @Bean
    OutboxMetrics handoverOutboxMetrics(MeterRegistry registry, SynthesisRepository syntheses, Clock clock) {
        return new OutboxMetrics(registry, "handover", handovers(syntheses), clock);
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay documentOutboxRelay(OutboxRelays relays, SynthesisRepository syntheses,
            OutboxMetrics documentOutboxMetrics, ObjectStorage storage) {
        var retention = relays.retention();
        return relays.relay("document-outbox-relay", documents(syntheses), documentOutboxMetrics,
                new MarkedDeliveries(documents(syntheses), MarkedDeliveries.named(documents(syntheses),
                        "Stored synthesis document"), synthesis -> deadline -> {
                    var request = RegisterDocumentRequest.newBuilder().setDocument(stored(synthesis, storage.bucket()))
                            .build();
                    return retention.withDeadline(deadline).registerDocument(request).getFirstDelivery();
                }));
    }

    @Bean
    @ConditionalOnServiceCredentials
    OutboxRelay handoverOutboxRelay(OutboxRelays relays, SynthesisRepository syntheses,
            OutboxMetrics handoverOutboxMetrics) {
        var sessions = relays.asService("session", AssessmentServiceGrpc::newBlockingStub);
        return relays.relay("handover-outbox-relay", handovers(syntheses), handoverOutboxMetrics,
                new MarkedDeliveries(handovers(syntheses), MarkedDeliveries.named(handovers(syntheses),
                        "Synthesis hand-over"), synthesis -> deadline -> {
                    Document handover = synthesis.get(SynthesisRepository.HANDOVER.field(), Document.class);
                    var request = RecordSynthesisHandoverRequest.newBuilder().setAssessmentId(synthesis.getString("_id"))
                            .setHandoverTime(ProtoTime.of(handover.getDate(SynthesisRepository.HANDOVER_TIME).toInstant()))
                            .build();
                    return sessions.withDeadline(deadline).recordSynthesisHandover(request).getFirstReport();
                }));
    }

    private static OutboxCollection documents(SynthesisRepository syntheses) {
        return new OutboxCollection(syntheses.syntheses(), SynthesisRepository.DOCUMENT,
                SynthesisRepository.DOCUMENT.field() + "." + SynthesisRepository.CREATE_TIME);
    }

    private static OutboxCollection handovers(SynthesisRepository syntheses) {
        return new OutboxCollection(syntheses.syntheses(), SynthesisRepository.HANDOVER,
                SynthesisRepository.HANDOVER.field() + "." + SynthesisRepository.HANDOVER_TIME);
    }

    /** What retention-service needs of a stored PDF: where and whose, never what it says. */
    private static StoredDocument stored(Document synthesis, String bucket) {
        Document document = synthesis.get(SynthesisRepository.DOCUMENT.field(), Document.class);
        return StoredDocument.newBuilder()
                .setEventId(document.getString(SynthesisRepository.EVENT_ID))
                .setKind(DocumentKind.SYNTHESIS_DOCUMENT)
                .setAssessmentId(synthesis.getString("_id"))
                .setBeneficiaryId(synthesis.getString(SynthesisRepository.BENEFICIARY))
                .setCentreId(synthesis.getString(SynthesisRepository.CENTRE))
                .setHolder(HOLDER)
                .setBucket(bucket)
                .setObjectKey(document.getString(SynthesisRepository.OBJECT_KEY))
                .setSha256(document.getString(SynthesisRepository.SHA256))
                .setSizeBytes(document.getLong(SynthesisRepository.STORED_SIZE))
                .setStoreTime(ProtoTime.of(document.getDate(SynthesisRepository.CREATE_TIME).toInstant()))
                .build();
    }
}
