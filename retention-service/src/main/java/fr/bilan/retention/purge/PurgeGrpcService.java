package fr.bilan.retention.purge;

import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.CreatePurgeRunRequest;
import fr.bilan.proto.retention.v1.CreatePurgeRunResponse;
import fr.bilan.proto.retention.v1.DueDocument;
import fr.bilan.proto.retention.v1.GetPurgeRunRequest;
import fr.bilan.proto.retention.v1.GetPurgeRunResponse;
import fr.bilan.proto.retention.v1.PurgeRun;
import fr.bilan.proto.retention.v1.PurgeRunState;
import fr.bilan.proto.retention.v1.PurgeServiceGrpc;
import fr.bilan.proto.retention.v1.PurgeTrigger;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** Purges on demand, dry runs, and the runs' progress, for network administrators (from the contract). */
@GrpcService
class PurgeGrpcService extends PurgeServiceGrpc.PurgeServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(PurgeGrpcService.class);

    private final PurgeRunner runner;
    private final PurgeRuns runs;

    PurgeGrpcService(PurgeRunner runner, PurgeRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    @Override
    public void createPurgeRun(CreatePurgeRunRequest request, StreamObserver<CreatePurgeRunResponse> response) {
        Caller caller = Caller.current();
        PurgeRun run;
        if (request.getPurgeRun().getDryRun()) {
            PurgeTally tally = runner.dryRun();
            log.info("Dry purge run by {}: {} document(s) would go", caller.subject(), tally.destroyed());
            PurgeRun.Builder dry = PurgeRun.newBuilder().setDryRun(true).setTrigger(PurgeTrigger.ON_DEMAND)
                    .setState(PurgeRunState.SUCCEEDED).setCreateBy(caller.subject())
                    .setDestroyedCount(tally.destroyed()).setDestroyedBytes(tally.bytes()).setHeldCount(tally.held());
            tally.listed().forEach(entry -> dry.addDueDocuments(due(entry)));
            run = dry.build();
        } else {
            String id = runner.runInBackground(PurgeTrigger.ON_DEMAND, caller.subject())
                    .orElseThrow(() -> Status.ABORTED.withDescription("Une purge est déjà en cours : suivez-la, ou "
                            + "réessayez une fois qu'elle sera finie.").asRuntimeException());
            log.info("Purge run {} asked for by {}", id, caller.subject());
            run = runs.find(id).map(PurgeGrpcService::toProto).orElseThrow();
        }
        response.onNext(CreatePurgeRunResponse.newBuilder().setPurgeRun(run).build());
        response.onCompleted();
    }

    @Override
    public void getPurgeRun(GetPurgeRunRequest request, StreamObserver<GetPurgeRunResponse> response) {
        new FieldViolations().requireText("purge_run_id", request.getPurgeRunId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        PurgeRun run = runs.find(request.getPurgeRunId()).map(PurgeGrpcService::toProto)
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("Aucune purge " + request.getPurgeRunId() + ".")
                        .asRuntimeException());
        response.onNext(GetPurgeRunResponse.newBuilder().setPurgeRun(run).build());
        response.onCompleted();
    }

    private static DueDocument due(RegisteredDocument entry) {
        DueDocument.Builder due = DueDocument.newBuilder().setDocumentId(entry.id()).setKind(entry.kind())
                .setAssessmentId(entry.assessmentId()).setCentreId(entry.centreId()).setHolder(entry.holder())
                .setRuleId(Optional.ofNullable(entry.ruleId()).orElse("")).setSizeBytes(entry.sizeBytes());
        entry.dueTime().ifPresent(time -> due.setDueTime(ProtoTime.of(time)));
        return due.build();
    }

    private static PurgeRun toProto(Document run) {
        PurgeRun.Builder message = PurgeRun.newBuilder().setId(run.getString("_id"))
                .setTrigger(PurgeTrigger.valueOf(run.getString("trigger")))
                .setState(PurgeRunState.valueOf(run.getString("state")))
                .setStartTime(ProtoTime.of(run.getDate("startTime").toInstant()))
                .setDestroyedCount(run.get("destroyed", Number.class).longValue())
                .setDestroyedBytes(run.get("bytes", Number.class).longValue())
                .setFailedCount(run.get("failed", Number.class).longValue())
                .setHeldCount(run.get("held", Number.class).longValue());
        Optional.ofNullable(run.getString("createBy")).ifPresent(message::setCreateBy);
        Optional.ofNullable(run.getDate("endTime")).ifPresent(end -> message.setEndTime(ProtoTime.of(end.toInstant())));
        Optional.ofNullable(run.getString("failure")).ifPresent(message::setFailure);
        return message.build();
    }
}
