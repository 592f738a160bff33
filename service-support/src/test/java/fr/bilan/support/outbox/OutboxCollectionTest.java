package fr.bilan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The marker's writes and reads, on entries whose marker and event time sit in a sub-document. */
class OutboxCollectionTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final OutboxMarker MARKER = new OutboxMarker("actionEnd");
    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> documents;
    private static OutboxCollection entries;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        documents = client.getDatabase("outbox").getCollection("assessments");
        entries = new OutboxCollection(documents, MARKER, "actionEnd.endTime");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void empty() {
        documents.deleteMany(new Document());
    }

    /** A document whose entry was made {@code minutes} after T0, pending. */
    private static void pending(String id, long minutes) {
        Instant made = T0.plus(Duration.ofMinutes(minutes));
        documents.insertOne(new Document("_id", id).append(MARKER.field(),
                OutboxMarker.newPending(made).append("endTime", Date.from(made))));
    }

    private static PendingEntry entry(String id) {
        return new PendingEntry(id, 0, id);
    }

    private static Document markerOf(String id) {
        return documents.find(Filters.eq("_id", id)).first().get(MARKER.field(), Document.class);
    }

    @Test
    void aFailureSetsTheNextAttemptAfterItsBackoffAndKeepsTheEntryPending() {
        pending("a", 0);

        entries.failed(entry("a"), 2, T0.plusSeconds(10), Duration.ofSeconds(3), "UNAVAILABLE");

        Document marker = markerOf("a");
        assertThat(marker).containsEntry("pending", true).containsEntry("attempts", 2)
                .containsEntry("lastStatus", "UNAVAILABLE")
                .containsEntry("lastAttemptTime", Date.from(T0.plusSeconds(10)))
                .containsEntry("nextAttemptTime", Date.from(T0.plusSeconds(13)));
        assertThat(MARKER.attemptsOf(documents.find(Filters.eq("_id", "a")).first())).isEqualTo(2);
    }

    @Test
    void aDeliveredEntryIsNoLongerPendingAndNoLateWriteBringsItBack() {
        pending("a", 0);

        entries.delivered(entry("a"), T0.plusSeconds(5));
        // a replica that tried it concurrently and lost its answer
        entries.failed(entry("a"), 1, T0.plusSeconds(6), Duration.ofSeconds(1), "DEADLINE_EXCEEDED");
        entries.delivered(entry("a"), T0.plusSeconds(7));

        assertThat(markerOf("a")).doesNotContainKeys("pending", "lastStatus").containsEntry("attempts", 0)
                .containsEntry("deliveredTime", Date.from(T0.plusSeconds(5)));
    }

    @Test
    void anAcknowledgementOfOlderContentLeavesTheEntryPendingWhenALaterChangeReArmedIt() {
        pending("a", 0);
        documents.updateOne(Filters.eq("_id", "a"), com.mongodb.client.model.Updates.set("actionEnd.version", 1));
        PendingEntry version1 = new PendingEntry("a", 0, "a", Filters.eq("actionEnd.version", 1));
        // the relay sent version 1; meanwhile a change made version 2, pending again
        documents.updateOne(Filters.eq("_id", "a"), com.mongodb.client.model.Updates.set("actionEnd.version", 2));

        entries.delivered(version1, T0.plusSeconds(5));
        entries.failed(version1, 1, T0.plusSeconds(6), Duration.ofSeconds(1), "UNAVAILABLE");

        assertThat(markerOf("a")).containsEntry("pending", true).containsEntry("attempts", 0)
                .doesNotContainKeys("deliveredTime", "lastStatus");
    }

    @Test
    void aBatchIsMarkedDeliveredInOneWriteEachUnderItsOwnCondition() {
        pending("a", 0);
        pending("b", 1);
        pending("c", 2);

        entries.delivered(java.util.List.of(entry("a"), new PendingEntry("b", 0, "b", Filters.eq("nothing", 1))),
                T0.plusSeconds(5));

        assertThat(markerOf("a")).doesNotContainKey("pending").containsEntry("deliveredTime", Date.from(T0.plusSeconds(5)));
        assertThat(markerOf("b")).containsEntry("pending", true);
        assertThat(markerOf("c")).containsEntry("pending", true);
    }

    @Test
    void countsWhatIsPendingAndFindsTheOldestByItsEventTime() {
        assertThat(entries.pendingCount()).isZero();
        assertThat(entries.oldestPendingTime()).isEmpty();
        pending("later", 30);
        pending("oldest", 10);
        pending("delivered", 0);
        entries.delivered(entry("delivered"), T0.plusSeconds(1));
        documents.insertOne(new Document("_id", "running"));

        assertThat(entries.pendingCount()).isEqualTo(2);
        assertThat(entries.oldestPendingTime()).contains(T0.plus(Duration.ofMinutes(10)));
    }
}
