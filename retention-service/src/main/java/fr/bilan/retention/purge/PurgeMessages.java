package fr.bilan.retention.purge;

import java.util.Optional;

import fr.bilan.proto.retention.v1.DueDocument;
import fr.bilan.proto.retention.v1.PurgeRun;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.StoredDocumentMessages;
import fr.bilan.support.time.ProtoTime;

/** Purge runs as the contract shows them. */
final class PurgeMessages {

    private PurgeMessages() {
    }

    static PurgeRun toProto(fr.bilan.retention.purge.PurgeRun run) {
        PurgeRun.Builder message = PurgeRun.newBuilder().setId(run.id())
                .setTrigger(fr.bilan.proto.retention.v1.PurgeTrigger.valueOf(run.trigger().name()))
                .setState(fr.bilan.proto.retention.v1.PurgeRunState.valueOf(run.state().name()))
                .setStartTime(ProtoTime.of(run.startTime()))
                .setDestroyedCount(run.destroyed()).setDestroyedBytes(run.bytes())
                .setFailedCount(run.failed()).setHeldCount(run.held());
        run.createBy().ifPresent(message::setCreateBy);
        run.endTime().ifPresent(end -> message.setEndTime(ProtoTime.of(end)));
        run.failure().ifPresent(message::setFailure);
        return message.build();
    }

    /** What a dry run asked for by {@code by} found: nothing destroyed, the documents it would destroy listed. */
    static PurgeRun dryRun(PurgeTally tally, String by) {
        PurgeRun.Builder dry = PurgeRun.newBuilder().setDryRun(true)
                .setTrigger(fr.bilan.proto.retention.v1.PurgeTrigger.ON_DEMAND)
                .setState(fr.bilan.proto.retention.v1.PurgeRunState.SUCCEEDED).setCreateBy(by)
                .setDestroyedCount(tally.destroyed()).setDestroyedBytes(tally.bytes()).setHeldCount(tally.held());
        tally.listed().forEach(entry -> dry.addDueDocuments(due(entry)));
        return dry.build();
    }

    private static DueDocument due(RegisteredDocument entry) {
        DueDocument.Builder due = DueDocument.newBuilder().setDocumentId(entry.id())
                .setKind(StoredDocumentMessages.toProto(entry.kind()))
                .setAssessmentId(entry.assessmentId()).setCentreId(entry.centreId()).setHolder(entry.holder())
                .setRuleId(Optional.ofNullable(entry.ruleId()).orElse("")).setSizeBytes(entry.sizeBytes());
        entry.dueTime().ifPresent(time -> due.setDueTime(ProtoTime.of(time)));
        return due.build();
    }
}
