package fr.bilan.retention;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.v1.RecordActionEndResponse;
import fr.bilan.proto.retention.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.v1.RetentionServiceGrpc;
import fr.bilan.retention.action.ActionEnd;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.consent.ConsentChange;
import fr.bilan.retention.consent.ConsentChanges;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gRPC edge of retention-service. Only platform services call it (role {@code platform-service},
 * checked from the contract), through their outboxes: at least once, so every intake is
 * idempotent by event id. Logs carry identifiers only.
 */
@GrpcService
class RetentionGrpcService extends RetentionServiceGrpc.RetentionServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(RetentionGrpcService.class);

    private final ConsentChanges changes;
    private final ActionEnds actionEnds;
    private final Clock clock;
    private final MeterRegistry meters;

    RetentionGrpcService(ConsentChanges changes, ActionEnds actionEnds, Clock clock, MeterRegistry meters) {
        this.changes = changes;
        this.actionEnds = actionEnds;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void recordConsentChange(RecordConsentChangeRequest request,
            StreamObserver<RecordConsentChangeResponse> response) {
        ConsentChange change = ConsentChange.of(request.getChange());
        ConsentChanges.Intake intake = changes.takeIn(change, clock.instant());
        meters.counter("bilan.retention.consent.changes", "intake", intake.name().toLowerCase()).increment();
        if (intake == ConsentChanges.Intake.TAKEN_IN_LATE) {
            log.warn("Consent change {} (beneficiary {}, sequence {}) arrived after a later one: stored in its place",
                    change.eventId(), change.beneficiaryId(), change.sequence());
        } else {
            log.debug("Consent change {} (beneficiary {}, sequence {}): {}", change.eventId(), change.beneficiaryId(),
                    change.sequence(), intake);
        }
        response.onNext(RecordConsentChangeResponse.newBuilder()
                .setFirstDelivery(intake != ConsentChanges.Intake.DUPLICATE).build());
        response.onCompleted();
    }

    @Override
    public void recordActionEnd(RecordActionEndRequest request, StreamObserver<RecordActionEndResponse> response) {
        ActionEnd end = ActionEnd.of(request.getActionEnd());
        boolean first = actionEnds.takeIn(end, clock.instant());
        meters.counter("bilan.retention.action.ends", "intake", first ? "taken_in" : "duplicate").increment();
        log.info("Action end {} of assessment {} (beneficiary {}, centre {}, {}): {}", end.eventId(), end.assessmentId(),
                end.beneficiaryId(), end.centreId(), end.outcome(), first ? "taken in" : "already taken in");
        response.onNext(RecordActionEndResponse.newBuilder().setFirstDelivery(first).build());
        response.onCompleted();
    }
}
