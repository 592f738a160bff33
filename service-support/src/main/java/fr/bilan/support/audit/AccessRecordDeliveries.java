package fr.bilan.support.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import fr.bilan.proto.beneficiary.internal.v1.AccessRegisterServiceGrpc.AccessRegisterServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesRequest;
import fr.bilan.support.outbox.OutboxDelivery.Outcome;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.RelayRun;

/**
 * What a run of the access-record relay delivers: the records still to hand to beneficiary-service's
 * register, oldest first, up to {@value #MAX_PER_CALL} a call (each call one attempt of the run). No
 * order binds them (the register sorts by time); a failed call leaves its records to their backoff
 * and ends the run.
 */
final class AccessRecordDeliveries implements OutboxRelay.Deliveries {

    static final int MAX_PER_CALL = 500;

    private final MongoCollection<Document> records;
    private final AccessRegisterServiceBlockingStub register;

    /** @param register calling as the service itself */
    AccessRecordDeliveries(MongoCollection<Document> records, AccessRegisterServiceBlockingStub register) {
        this.records = records;
        this.register = register;
    }

    @Override
    public void deliverDue(RelayRun run) {
        while (!run.over()) {
            List<Document> due = due(run.start());
            if (due.isEmpty()) {
                return;
            }
            List<PendingEntry> entries = due.stream().map(record -> new PendingEntry(record.getString(AccessRecords.ID),
                    AccessRecords.FORWARD.attemptsOf(record), "Access record " + record.getString(AccessRecords.ID)
                            + " (" + record.getString(AccessRecords.OPERATION) + ")")).toList();
            RecordAccessesRequest request = RecordAccessesRequest.newBuilder()
                    .addAllRecords(due.stream().map(AccessRecordReader::toProto).toList()).build();
            Outcome outcome = run.deliverAll(entries,
                    deadline -> register.withDeadline(deadline).recordAccesses(request).getFirstDeliveries());
            if (outcome != Outcome.DELIVERED || due.size() < MAX_PER_CALL) {
                return;
            }
        }
    }

    private List<Document> due(Instant now) {
        return records.find(Filters.and(Filters.eq(AccessRecords.FORWARD.pending(), true),
                        Filters.lte(AccessRecords.FORWARD.nextAttemptTime(), Date.from(now))))
                .sort(Sorts.ascending(AccessRecords.FORWARD.nextAttemptTime(), AccessRecords.ID))
                .limit(MAX_PER_CALL)
                .into(new ArrayList<>());
    }
}
