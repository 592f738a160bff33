package fr.bilan.quality.intake;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsResponse;
import fr.bilan.quality.bilan.BilanIntake;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of the bilans' facts session-service's outbox tells ({@code bilan.quality.internal.v1}): only
 * platform services call it, the gateway never publishes it.
 */
@GrpcService
class QualityIntakeGrpcService extends QualityIntakeServiceGrpc.QualityIntakeServiceImplBase {

    private final BilanIntake intake;

    QualityIntakeGrpcService(BilanIntake intake) {
        this.intake = intake;
    }

    @Override
    public void recordBilanFacts(RecordBilanFactsRequest request, StreamObserver<RecordBilanFactsResponse> response) {
        if (!Caller.current().hasRole(Role.PLATFORM_SERVICE)) {
            throw new Forbidden("Seuls les services de la plateforme transmettent les faits d'un bilan.");
        }
        boolean applied = intake.take(IntakeMessages.toRecord(request));
        response.onNext(RecordBilanFactsResponse.newBuilder().setApplied(applied).build());
        response.onCompleted();
    }
}
