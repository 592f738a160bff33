package fr.bilan.retention.purge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.CreatePurgeRunRequest;
import fr.bilan.proto.retention.v1.CreatePurgeRunResponse;
import fr.bilan.proto.retention.v1.GetPurgeRunRequest;
import fr.bilan.proto.retention.v1.GetPurgeRunResponse;
import fr.bilan.proto.retention.v1.PurgeRun;
import fr.bilan.proto.retention.v1.PurgeServiceGrpc;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/** Purges on demand, dry runs, and the runs' progress, for network administrators (from the contract). */
@GrpcService
class PurgeGrpcService extends PurgeServiceGrpc.PurgeServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(PurgeGrpcService.class);

    private final PurgeRunner runner;

    PurgeGrpcService(PurgeRunner runner) {
        this.runner = runner;
    }

    @Override
    public void createPurgeRun(CreatePurgeRunRequest request, StreamObserver<CreatePurgeRunResponse> response) {
        Caller caller = Caller.current();
        PurgeRun run;
        if (request.getPurgeRun().getDryRun()) {
            PurgeTally tally = runner.dryRun();
            log.info("Dry purge run by {}: {} document(s) would go", caller.subject(), tally.destroyed());
            run = PurgeMessages.dryRun(tally, caller.subject());
        } else {
            run = PurgeMessages.toProto(runner.startOnDemand(caller.subject()));
        }
        response.onNext(CreatePurgeRunResponse.newBuilder().setPurgeRun(run).build());
        response.onCompleted();
    }

    @Override
    public void getPurgeRun(GetPurgeRunRequest request, StreamObserver<GetPurgeRunResponse> response) {
        new FieldViolations().requireText("purge_run_id", request.getPurgeRunId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        PurgeRun run = PurgeMessages.toProto(runner.find(request.getPurgeRunId()));
        response.onNext(GetPurgeRunResponse.newBuilder().setPurgeRun(run).build());
        response.onCompleted();
    }
}
