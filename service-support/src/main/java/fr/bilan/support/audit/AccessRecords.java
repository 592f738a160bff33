package fr.bilan.support.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import fr.bilan.support.outbox.OutboxMarker;

/**
 * The {@code access_records} collection: indexed for the two ways it is read (a beneficiary's
 * accesses, a centre's over a period, newest first) and expired after the retention the operator
 * sets (BILAN.md: access logs live 6 to 12 months; a TTL index, which the embedded server accepts
 * but does not apply).
 */
public final class AccessRecords {

    public static final String COLLECTION = "access_records";
    static final String ID = "_id";
    static final String TIME = "time";
    static final String ACTOR = "actor";
    static final String ACTOR_ROLES = "actorRoles";
    static final String OPERATION = "operation";
    static final String RESOURCE = "resource";
    static final String BENEFICIARY = "beneficiaryId";
    static final String CENTRE = "centreId";
    static final String SERVICE = "service";
    static final String OUTCOME = "outcome";
    /** The delivery to beneficiary-service's register, in the services that do not keep it themselves. */
    public static final OutboxMarker FORWARD = new OutboxMarker("forward");

    private AccessRecords() {
    }

    public static MongoCollection<Document> collection(MongoDatabase database, Duration retention) {
        MongoCollection<Document> records = database.getCollection(COLLECTION);
        records.createIndex(Indexes.compoundIndex(Indexes.ascending(BENEFICIARY), Indexes.descending(TIME, ID)));
        records.createIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE), Indexes.descending(TIME, ID)));
        records.createIndex(Indexes.ascending(TIME),
                new IndexOptions().name("expiry").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
        // the relay's read of what is still to hand to the register (delivered records sort apart, as null)
        records.createIndex(Indexes.ascending(FORWARD.pending(), FORWARD.nextAttemptTime()));
        return records;
    }
}
