package fr.bilan.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordActionEndResponse;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.retention.action.ActionEnd;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.consent.ConsentChange;
import fr.bilan.retention.consent.ConsentChanges;
import fr.bilan.retention.document.StoredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.document.StoredDocuments;
import fr.bilan.retention.holder.HolderProperties;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gRPC edge of retention-service. Only platform services call it (role {@code platform-service},
 * checked from the contract), through their outboxes: at least once, so every intake is
 * idempotent by event id, and counted by what it did ({@code intake} tag). An event marks the
 * documents whose due date it may change before it is acknowledged ({@link Registry}); the
 * {@code ScheduleKeeper} decides them again. Logs carry identifiers only.
 */
@GrpcService
class RetentionGrpcService extends RetentionServiceGrpc.RetentionServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(RetentionGrpcService.class);

    private final ConsentChanges changes;
    private final ActionEnds actionEnds;
    private final StoredDocuments documents;
    private final Registry registry;
    private final HolderProperties holders;
    private final Clock clock;
    private final MeterRegistry meters;

    RetentionGrpcService(ConsentChanges changes, ActionEnds actionEnds, StoredDocuments documents, Registry registry,
            HolderProperties holders, Clock clock, MeterRegistry meters) {
        this.changes = changes;
        this.actionEnds = actionEnds;
        this.documents = documents;
        this.registry = registry;
        this.holders = holders;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void recordConsentChange(RecordConsentChangeRequest request,
            StreamObserver<RecordConsentChangeResponse> response) {
        ConsentChange change = ConsentChange.of(request.getChange());
        ConsentChanges.Intake intake = changes.takeIn(change, clock.instant());
        // on a redelivery too: the mark may be what a crash left undone
        registry.markBeneficiary(change.beneficiaryId());
        count("bilan.retention.consent.changes", intake.name().toLowerCase());
        if (intake == ConsentChanges.Intake.TAKEN_IN_LATE) {
            log.warn("Consent change {} (beneficiary {}, sequence {}) arrived after a later one: stored in its place",
                    change.eventId(), change.beneficiaryId(), change.sequence());
        } else {
            log.debug("Consent change {} (beneficiary {}, sequence {}): {}", change.eventId(), change.beneficiaryId(),
                    change.sequence(), intake);
        }
        reply(response, RecordConsentChangeResponse.newBuilder()
                .setFirstDelivery(intake != ConsentChanges.Intake.DUPLICATE).build());
    }

    @Override
    public void recordActionEnd(RecordActionEndRequest request, StreamObserver<RecordActionEndResponse> response) {
        ActionEnd end = ActionEnd.of(request.getActionEnd());
        Instant now = clock.instant();
        boolean first = actionEnds.takeIn(end, now);
        // on a redelivery too: these may be what a crash left undone (both idempotent)
        holders.holders().forEach((holder, settings) -> {
            if (settings.keepsContentOf(!end.fundingId().isEmpty())) {
                documents.takeInContent(holder, settings.contentKind().orElseThrow(), end.assessmentId(),
                        end.beneficiaryId(), end.centreId(), end.endTime(), now);
            }
        });
        registry.markAssessment(end.assessmentId());
        count("bilan.retention.action.ends", first ? "taken_in" : "duplicate");
        log.info("Action end {} of assessment {} (beneficiary {}, centre {}, {}): {}", end.eventId(), end.assessmentId(),
                end.beneficiaryId(), end.centreId(), end.outcome(), first ? "taken in" : "already taken in");
        reply(response, RecordActionEndResponse.newBuilder().setFirstDelivery(first).build());
    }

    /**
     * A redelivery that names another object under an event id already taken in is refused
     * ({@code FAILED_PRECONDITION}) rather than acknowledged: acknowledging would drop the second
     * object, which then would never be destroyed. The sender's outbox keeps it and logs the
     * refusal as an error, and someone looks.
     */
    @Override
    public void registerDocument(RegisterDocumentRequest request, StreamObserver<RegisterDocumentResponse> response) {
        StoredDocument document = StoredDocument.of(request.getDocument());
        StoredDocuments.Intake intake = documents.takeIn(document, clock.instant());
        count("bilan.retention.documents", intake.outcome());
        if (intake.conflicts()) {
            String fields = String.join(", ", intake.conflictingFields().stream()
                    .map(field -> field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList());
            log.error("Document {} of assessment {} (held by {}) delivered again with another {}: refused, the first kept",
                    document.eventId(), document.assessmentId(), document.holder(), fields);
            throw Status.FAILED_PRECONDITION.withDescription("Un autre document a déjà été enregistré sous l'événement "
                    + document.eventId() + " (" + fields + " différents) : un identifiant d'événement désigne un seul "
                    + "objet stocké.").asRuntimeException();
        }
        log.info("Document {} ({}) of assessment {} (beneficiary {}, held by {}): {}", document.eventId(),
                document.kind(), document.assessmentId(), document.beneficiaryId(), document.holder(),
                intake.first() ? "taken in" : "already taken in");
        reply(response, RegisterDocumentResponse.newBuilder().setFirstDelivery(intake.first()).build());
    }

    private void count(String meter, String intake) {
        meters.counter(meter, "intake", intake).increment();
    }

    private static <T> void reply(StreamObserver<T> response, T answer) {
        response.onNext(answer);
        response.onCompleted();
    }
}
