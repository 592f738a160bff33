package fr.bilan.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;

class AccessRecordReaderTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> collection;
    private static AccessRecordReader reader;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        collection = AccessRecords.collection(client.getDatabase("audit"), Duration.ofDays(180));
        reader = new AccessRecordReader(collection, Duration.ofDays(180));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A record written {@code minutes} after T0, with a chosen id so that ties on time are ordered by it. */
    private static void insert(String id, String beneficiaryId, String centreId, long minutes) {
        collection.insertOne(new Document(AccessRecords.ID, id)
                .append(AccessRecords.TIME, Date.from(T0.plus(Duration.ofMinutes(minutes))))
                .append(AccessRecords.ACTOR, "consultant-1")
                .append(AccessRecords.ACTOR_ROLES, List.of("consultant"))
                .append(AccessRecords.OPERATION, "beneficiary.read")
                .append(AccessRecords.RESOURCE, "beneficiaries/" + beneficiaryId)
                .append(AccessRecords.BENEFICIARY, beneficiaryId)
                .append(AccessRecords.CENTRE, centreId)
                .append(AccessRecords.SERVICE, "beneficiary-service"));
    }

    private static List<AccessRecord> allPages(String beneficiaryId, String centreId, Optional<Timestamp> start,
            Optional<Timestamp> end, int pageSize, List<Integer> pageSizesSeen) {
        List<AccessRecord> seen = new ArrayList<>();
        String token = "";
        do {
            AccessRecordPage page = reader.list(AccessRecordQuery.of(beneficiaryId, centreId, start, end, pageSize,
                    token, T0.plus(Duration.ofDays(1))));
            seen.addAll(page.records());
            pageSizesSeen.add(page.records().size());
            token = page.nextPageToken();
        } while (!token.isEmpty());
        return seen;
    }

    @Test
    void pagesThroughACentrePeriodNewestFirstWithoutLossOrDuplicate() {
        // ties on time (minutes 5 and 3) are ordered by id, newest first
        insert("p-a", "b-1", "centre-pages", 5);
        insert("p-c", "b-2", "centre-pages", 5);
        insert("p-b", "b-1", "centre-pages", 5);
        insert("p-d", "b-3", "centre-pages", 3);
        insert("p-e", "b-1", "centre-pages", 3);
        insert("p-f", "b-2", "centre-pages", 1);
        insert("p-g", "b-2", "centre-pages", 0);
        insert("p-before", "b-1", "centre-pages", -1);
        insert("p-end", "b-1", "centre-pages", 10);
        insert("p-elsewhere", "b-9", "centre-other", 4);
        List<Integer> sizes = new ArrayList<>();

        List<AccessRecord> seen = allPages("", "centre-pages", Optional.of(ProtoTime.of(T0)),
                Optional.of(ProtoTime.of(T0.plus(Duration.ofMinutes(10)))), 3, sizes);

        assertThat(seen).extracting(AccessRecord::getId)
                .containsExactly("p-c", "p-b", "p-a", "p-e", "p-d", "p-f", "p-g");
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void listsABeneficiarysAccessesMappedToTheContract() {
        insert("m-old", "b-map", "centre-map", 1);
        insert("m-new", "b-map", "centre-map", 2);
        insert("m-other", "b-someone-else", "centre-map", 3);

        AccessRecordPage page = reader.list(AccessRecordQuery.of("b-map", "", Optional.empty(), Optional.empty(), 0,
                "", T0));

        assertThat(page.nextPageToken()).isEmpty();
        assertThat(page.records()).extracting(AccessRecord::getId).containsExactly("m-new", "m-old");
        AccessRecord newest = page.records().get(0);
        assertThat(newest.getAccessTime().getSeconds()).isEqualTo(T0.plus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(newest.getActor()).isEqualTo("consultant-1");
        assertThat(newest.getActorRolesList()).containsExactly("consultant");
        assertThat(newest.getOperation()).isEqualTo("beneficiary.read");
        assertThat(newest.getResource()).isEqualTo("beneficiaries/b-map");
        assertThat(newest.getCentreId()).isEqualTo("centre-map");
        assertThat(newest.getService()).isEqualTo("beneficiary-service");
        assertThat(reader.allOf("b-map")).isEqualTo(page.records());
        // over a period: from its start (inclusive) to its end (exclusive)
        assertThat(reader.list(AccessRecordQuery.of("b-map", "", Optional.of(ProtoTime.of(T0.plus(Duration.ofMinutes(1)))),
                Optional.of(ProtoTime.of(T0.plus(Duration.ofMinutes(2)))), 0, "", T0)).records())
                .extracting(AccessRecord::getId).containsExactly("m-old");
        assertThat(reader.newestTimeOf("b-map")).contains(T0.plus(Duration.ofMinutes(2)));
        assertThat(reader.newestTimeOf("b-nobody")).isEmpty();
    }

    @Test
    void readsWhatTheAccessLogWrites() {
        Instant now = Instant.parse("2026-07-01T08:30:00.123Z");
        var log = new AccessLog(collection, Clock.fixed(now, ZoneOffset.UTC), "beneficiary-service", false);

        io.grpc.Context.current().withValue(AccessCall.KEY, new AccessCall("beneficiary.get")).run(() ->
                log.record(new Caller("manager-1", Set.of("centre-manager", "auditor"), Set.of("centre-log")),
                        AccessedData.of("beneficiaries", "b-log", "b-log", "centre-log")));

        assertThat(reader.allOf("b-log")).singleElement().satisfies(record -> {
            assertThat(record.getOperation()).isEqualTo("beneficiary.get");
            assertThat(record.getOutcome()).isEqualTo(fr.bilan.proto.audit.v1.AccessOutcome.GRANTED);
            assertThat(record.getActor()).isEqualTo("manager-1");
            assertThat(record.getActorRolesList()).containsExactly("auditor", "centre-manager");
            assertThat(record.getAccessTime().getNanos()).isEqualTo(123_000_000);
            assertThat(record.getId()).isNotEmpty();
        });
    }
}
