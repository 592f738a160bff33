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
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of what other services report about a bilan ({@code bilan.session.internal.v1}):
 * only platform services call it, the gateway never publishes it.
 */
@GrpcService
class InternalAssessmentGrpcService extends AssessmentServiceGrpc.AssessmentServiceImplBase {

    private final AssessmentQueries queries;
    private final AssessmentProgress progress;
    private final AccessLog accessLog;

    InternalAssessmentGrpcService(AssessmentQueries queries, AssessmentProgress progress, AccessLog accessLog) {
        this.queries = queries;
        this.progress = progress;
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
        violations.requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        Assessment read = queries.require(request.getAssessmentId());
        accessLog.attempting(Caller.current(), AssessmentRepository.accessed(read));
        boolean first = progress.recordHandover(read, time.get());
        accessLog.record(Caller.current(), AssessmentRepository.accessed(read));
        response.onNext(RecordSynthesisHandoverResponse.newBuilder().setFirstReport(first).build());
        response.onCompleted();
    }
}
