package fr.bilan.support.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;

import fr.bilan.proto.audit.v1.AccessOutcome;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;

/**
 * Every read or change of personal data is recorded before the data leaves the service: who, which
 * operation (named after the RPC, {@link AccessOperations}), which resource of which beneficiary,
 * when. So is every attempt refused by the data's scope, once the service knew whose data it was
 * ({@link #attempting}). Records go to the append-only {@code access_records} collection (inserted,
 * never updated but for their delivery marker) and to the {@code bilan.access} log. They hold
 * identifiers, never the data itself. If a record of a granted access cannot be written the call
 * fails: no access goes unrecorded.
 * <p>
 * beneficiary-service keeps the register every list is read from; the other services mark each
 * record for delivery to it ({@link AccessRecords#FORWARD}), so that a person's access log holds
 * every service's accesses whatever the databases.
 */
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("bilan.access");

    private final MongoCollection<Document> records;
    private final Clock clock;
    private final String service;
    private final boolean forwarded;

    /** @param forwarded whether records go on to the register held elsewhere (beneficiary-service) */
    public AccessLog(MongoCollection<Document> records, Clock clock, String service, boolean forwarded) {
        this.records = records;
        this.clock = clock;
        this.service = service;
        this.forwarded = forwarded;
    }

    /** Records that {@code caller} reached {@code data} in the current RPC. */
    public void record(Caller caller, AccessedData data) {
        recordAll(caller, List.of(data));
    }

    /** Records that {@code caller} reached each of {@code data} in the current RPC. */
    public void recordAll(Caller caller, List<AccessedData> data) {
        write(caller, currentCall().operation(), AccessOutcome.GRANTED, data);
    }

    /**
     * Notes that the current RPC sets out to reach {@code data} for {@code caller}: if the call is
     * then refused ({@code PERMISSION_DENIED}), the refusal is recorded against the data's owner.
     * Call it once the data's owner is known, before checking the caller's reach.
     */
    public void attempting(Caller caller, AccessedData data) {
        currentCall().attempting(caller, data);
    }

    /** The refusals of a call that ended PERMISSION_DENIED; the refusal stands whatever happens here. */
    void recordRefusal(AccessCall call) {
        for (AccessCall.Attempt attempt : call.refusedAttempts()) {
            try {
                write(attempt.caller(), call.operation(), AccessOutcome.REFUSED, List.of(attempt.data()));
            } catch (RuntimeException e) {
                log.error("Refused access not recorded: subject={} operation={} resource={}",
                        attempt.caller().subject(), call.operation(), attempt.data().resource(), e);
            }
        }
    }

    /**
     * Takes records another service wrote into this register, each once by its id: a redelivery
     * writes nothing.
     *
     * @return how many were new here
     */
    public int takeIn(List<AccessRecord> delivered) {
        int first = 0;
        for (AccessRecord record : delivered) {
            Document document = new Document(AccessRecords.ID, record.getId())
                    .append(AccessRecords.TIME, Date.from(ProtoTime.toInstant(record.getAccessTime())))
                    .append(AccessRecords.ACTOR, record.getActor())
                    .append(AccessRecords.ACTOR_ROLES, record.getActorRolesList())
                    .append(AccessRecords.OPERATION, record.getOperation())
                    .append(AccessRecords.RESOURCE, record.getResource())
                    .append(AccessRecords.BENEFICIARY, record.getBeneficiaryId())
                    .append(AccessRecords.CENTRE, record.getCentreId())
                    .append(AccessRecords.SERVICE, record.getService())
                    .append(AccessRecords.OUTCOME, record.getOutcome().name());
            if (Inserts.insertIfNew(records, document)) {
                first++;
            }
        }
        return first;
    }

    private void write(Caller caller, String operation, AccessOutcome outcome, List<AccessedData> data) {
        if (data.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Date time = Date.from(now);
        List<Document> documents = data.stream().map(accessed -> {
            Document document = new Document(AccessRecords.ID, UUID.randomUUID().toString())
                    .append(AccessRecords.TIME, time)
                    .append(AccessRecords.ACTOR, caller.subject())
                    .append(AccessRecords.ACTOR_ROLES, caller.roles().stream().sorted().toList())
                    .append(AccessRecords.OPERATION, operation)
                    .append(AccessRecords.RESOURCE, accessed.resource())
                    .append(AccessRecords.BENEFICIARY, accessed.beneficiaryId())
                    .append(AccessRecords.CENTRE, accessed.centreId())
                    .append(AccessRecords.SERVICE, service)
                    .append(AccessRecords.OUTCOME, outcome.name());
            if (forwarded) {
                document.append(AccessRecords.FORWARD.field(), OutboxMarker.newPending(now));
            }
            return document;
        }).toList();
        records.insertMany(documents);
        data.forEach(accessed -> log.info("subject={} roles={} operation={} outcome={} resource={}", caller.subject(),
                caller.roles(), operation, outcome, accessed.resource()));
    }

    private static AccessCall currentCall() {
        return AccessCall.current().orElseThrow(() -> new IllegalStateException(
                "An access is recorded within the gRPC call that makes it (its operation is the RPC's)"));
    }
}
