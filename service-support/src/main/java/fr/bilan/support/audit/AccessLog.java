package fr.bilan.support.audit;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;

import fr.bilan.support.security.Caller;

/**
 * Every read or change of personal data is recorded before the data leaves the service: who, which
 * operation, which resource of which beneficiary, when. Records go to the append-only
 * {@code access_records} collection (inserted, never updated) and to the {@code bilan.access} log.
 * They hold identifiers, never the data itself. If the record cannot be written the call fails:
 * no access goes unrecorded.
 */
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("bilan.access");

    private final MongoCollection<Document> records;
    private final Clock clock;
    private final String service;

    public AccessLog(MongoCollection<Document> records, Clock clock, String service) {
        this.records = records;
        this.clock = clock;
        this.service = service;
    }

    public void record(Caller caller, String operation, AccessedData data) {
        recordAll(caller, operation, List.of(data));
    }

    public void recordAll(Caller caller, String operation, List<AccessedData> data) {
        if (data.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> documents = data.stream().map(accessed -> new Document(AccessRecords.ID, UUID.randomUUID().toString())
                .append(AccessRecords.TIME, now)
                .append(AccessRecords.ACTOR, caller.subject())
                .append(AccessRecords.ACTOR_ROLES, caller.roles().stream().sorted().toList())
                .append(AccessRecords.OPERATION, operation)
                .append(AccessRecords.RESOURCE, accessed.resource())
                .append(AccessRecords.BENEFICIARY, accessed.beneficiaryId())
                .append(AccessRecords.CENTRE, accessed.centreId())
                .append(AccessRecords.SERVICE, service)).toList();
        records.insertMany(documents);
        data.forEach(accessed -> log.info("subject={} roles={} operation={} resource={}", caller.subject(),
                caller.roles(), operation, accessed.resource()));
    }
}
