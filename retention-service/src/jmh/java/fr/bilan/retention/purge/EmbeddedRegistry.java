package fr.bilan.retention.purge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.IntFunction;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.retention.document.StoredDocuments;

/**
 * The benchmarks' MongoDB: the wire-protocol server the service starts when no URI is configured
 * (mongo-java-server, memory backend, as EmbeddedMongoAutoConfiguration does) on loopback, reached
 * through the ordinary driver; and registry entries written straight in the shape the service
 * gives them (StoredDocuments.takeIn, then the schedule ScheduleKeeper writes), so that a million
 * of them go in by insertMany rather than a request each.
 */
final class EmbeddedRegistry implements AutoCloseable {

    static final String HOLDER = "synthesis-service";
    /** The rule and regime the policy applies to a working document of an action started in 2024 or later. */
    static final String RULE = "end-of-action";
    static final String REGIME = "decret-2023-1350";
    private static final int CHUNK = 10_000;

    private final MongoServer server;
    private final MongoClient client;

    EmbeddedRegistry() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /**
     * An object entry of {@code documents}; {@code dueTime} null while its bilan's action runs
     * (then not decided yet), {@code state} SCHEDULED or DESTROYED otherwise.
     */
    static Document entry(String id, String assessment, String beneficiary, String centre, String bucket, String key,
            Instant storeTime, DestructionState state, Instant dueTime, String rules) {
        Document entry = new Document("_id", id).append("receiveTime", Date.from(storeTime))
                .append("kind", DocumentKind.WORKING_DOCUMENT.name()).append("assessmentId", assessment)
                .append("beneficiaryId", beneficiary).append("centreId", centre).append("holder", HOLDER)
                .append("bucket", bucket).append("objectKey", key).append("sha256", "ab".repeat(32))
                .append("sizeBytes", 1L).append("storeTime", Date.from(storeTime)).append("form", "object")
                .append("state", state.name()).append("stale", false).append("marks", 0L).append("failures", 0);
        if (dueTime != null) {
            entry.append("dueTime", Date.from(dueTime)).append("ruleId", RULE).append("ruleVersion", 1)
                    .append("regime", REGIME).append("held", false).append("rules", rules)
                    .append("decideTime", Date.from(storeTime));
        }
        return entry;
    }

    /** An action end as ActionEnds.takeIn stores it. */
    static Document actionEnd(String assessment, String beneficiary, String centre, Instant start, Instant end) {
        return new Document("_id", "end-" + assessment).append("assessmentId", assessment)
                .append("beneficiaryId", beneficiary).append("centreId", centre).append("outcome", "COMPLETED")
                .append("startTime", Date.from(start)).append("endTime", Date.from(end)).append("receiveTime", Date.from(end));
    }

    /** Inserts {@code count} documents made by {@code make}, {@value #CHUNK} per insertMany. */
    static void insert(MongoCollection<Document> collection, int count, IntFunction<Document> make) {
        List<Document> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < count; i++) {
            chunk.add(make.apply(i));
            if (chunk.size() == CHUNK || i == count - 1) {
                collection.insertMany(chunk);
                chunk.clear();
            }
        }
    }

    static MongoCollection<Document> documents(MongoDatabase database) {
        return database.getCollection(StoredDocuments.COLLECTION);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
