package fr.bilan.support.audit;

import java.time.Duration;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.proto.beneficiary.internal.v1.AccessRegisterServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesRequest;
import fr.bilan.support.outbox.BatchedDeliveries;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;

/**
 * The access-record outbox ({@code outbox=access-record}), in the services that do not keep the
 * register: every access record reaches beneficiary-service's register, oldest first, up to
 * {@value #MAX_PER_CALL} a call. No order binds them (the register sorts by time).
 */
final class AccessRecordOutbox implements OutboxDefinition<AccessRecordOutbox.Forwarded> {

    /** A record still to hand to the register, with the failures it met so far. */
    record Forwarded(AccessRecord record, int attempts) {
    }

    static final int MAX_PER_CALL = 500;
    /** The channel to beneficiary-service: {@code spring.grpc.client.channel.beneficiary.*}. */
    static final String REGISTER_CHANNEL = "beneficiary";

    private final OutboxCollection entries;

    AccessRecordOutbox(MongoDatabase database, Duration retention) {
        this.entries = new OutboxCollection(AccessRecords.collection(database, retention), AccessRecords.FORWARD,
                AccessRecords.TIME);
    }

    @Override
    public String name() {
        return "access-record";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public Forwarded read(Document pending) {
        return new Forwarded(AccessRecordReader.toProto(pending), AccessRecords.FORWARD.attemptsOf(pending));
    }

    @Override
    public PendingEntry entry(Forwarded forwarded) {
        return new PendingEntry(forwarded.record().getId(), forwarded.attempts(),
                "Access record " + forwarded.record().getId() + " (" + forwarded.record().getOperation() + ")");
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var register = receivers.asService(REGISTER_CHANNEL, AccessRegisterServiceGrpc::newBlockingStub);
        return new BatchedDeliveries<>(this, MAX_PER_CALL, (due, deadline) -> register.withDeadline(deadline)
                .recordAccesses(RecordAccessesRequest.newBuilder()
                        .addAllRecords(due.stream().map(Forwarded::record).toList()).build())
                .getFirstDeliveries());
    }
}
