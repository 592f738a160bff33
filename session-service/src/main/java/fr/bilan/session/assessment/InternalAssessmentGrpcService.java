package fr.bilan.session.assessment;

import java.time.Instant;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of what other services report about a bilan ({@code bilan.session.internal.v1}):
 * only platform services call it, the gateway never publishes it.
 */
@GrpcService
class InternalAssessmentGrpcService extends AssessmentServiceGrpc.AssessmentServiceImplBase {

    private final AssessmentRepository repository;
    private final AssessmentChanges changes;
    private final AccessLog accessLog;

    InternalAssessmentGrpcService(AssessmentRepository repository, AssessmentChanges changes, AccessLog accessLog) {
        this.repository = repository;
        this.changes = changes;
        this.accessLog = accessLog;
    }

    @Override
    public void recordSynthesisHandover(RecordSynthesisHandoverRequest request,
            StreamObserver<RecordSynthesisHandoverResponse> response) {
        FieldViolations violations = new FieldViolations();
        Optional<Instant> time = ProtoTime.toInstant("handover_time",
                request.hasHandoverTime() ? Optional.of(request.getHandoverTime()) : Optional.empty(), violations);
        if (time.isEmpty() && violations.isEmpty()) {
            violations.add("handover_time", "Indiquez quand la synthèse a été remise.");
        }
        violations.throwIfAny();
        String id = request.getAssessmentId();
        Assessment read = Lookups.require("assessment_id", id, repository::find, () -> Status.NOT_FOUND
                .withDescription("Aucun bilan n'a l'identifiant « " + id + " ».").asRuntimeException());
        accessLog.attempting(Caller.current(), AssessmentRepository.accessed(read));
        boolean first = read.synthesisHandoverTime() == null;
        changes.apply(read.id(), assessment -> assessment.synthesisHandedOver(time.get()));
        accessLog.record(Caller.current(), AssessmentRepository.accessed(read));
        response.onNext(RecordSynthesisHandoverResponse.newBuilder().setFirstReport(first).build());
        response.onCompleted();
    }
}
