package fr.bilan.quality.bilan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.MemoryMongo;

/** The bilans' facts as kept on the embedded MongoDB: only a newer revision replaces them, whatever the order. */
class BilanRecordRepositoryTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private final MongoDatabase database = MONGO.freshDatabase();
    private final BilanRecordRepository records = new BilanRecordRepository(database);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static BilanRecord record(String id, long revision, Outcome outcome) {
        return new BilanRecord(id, "beneficiary-" + id, "centre-lyon", "consultant-1", outcome,
                LocalDate.of(2026, 9, 14), outcome.ended() ? LocalDate.of(2026, 12, 7) : null,
                outcome.ended() ? Instant.parse("2026-12-07T15:00:00Z") : null,
                List.of(new PhaseHours(Phase.PRELIMINARY, 240, 180, 2, 1, 1),
                        new PhaseHours(Phase.FOLLOW_UP, 60, 0, 1, 0, 0)),
                outcome == Outcome.COMPLETED ? LocalDate.of(2027, 6, 7) : null, "CPF",
                LocalDate.of(2026, 9, 1), null, null, revision);
    }

    @Test
    void aNewerRevisionReplacesTheFactsKeptWholeAndSaysWhatWasKeptBefore() {
        String id = UUID.randomUUID().toString();
        BilanRecord first = record(id, 1, Outcome.IN_PROGRESS);
        BilanRecord ended = record(id, 4, Outcome.COMPLETED);

        assertThat(records.record(first)).contains(new BilanRecords.Recorded(Optional.empty(), first));
        assertThat(records.record(ended)).contains(new BilanRecords.Recorded(Optional.of(first), ended));

        assertThat(records.byId(id)).contains(ended);
        Document stored = database.getCollection(BilanRecordRepository.COLLECTION).find().first();
        assertThat(stored.getDate("endDate")).isEqualTo(BilanRecordRepository.day(LocalDate.of(2026, 12, 7)));
        assertThat(stored.getList("phases", Document.class).get(0)).containsEntry("phase", "PRELIMINARY")
                .containsEntry("plannedMinutes", 240).containsEntry("sessionsMissed", 1);
    }

    @Test
    void theSameRevisionIsToldAgainAndAnOlderOneIgnored() {
        String id = UUID.randomUUID().toString();
        BilanRecord kept = record(id, 5, Outcome.COMPLETED);
        records.record(kept);

        // the same revision (an outbox retry): told again as it is kept, whatever the copy says
        BilanRecord retold = record(id, 5, Outcome.WITHDRAWN);
        assertThat(records.record(retold)).contains(new BilanRecords.Recorded(Optional.of(kept), kept));
        // an older one (a reordered delivery): nobody hears of it
        assertThat(records.record(record(id, 4, Outcome.IN_PROGRESS))).isEmpty();

        assertThat(records.byId(id)).contains(kept);
    }

    @Test
    void concurrentRevisionsLeaveTheNewestWhateverTheirOrder() throws Exception {
        String id = UUID.randomUUID().toString();
        List<Callable<Optional<BilanRecords.Recorded>>> intakes = new ArrayList<>();
        for (long revision = 1; revision <= 12; revision++) {
            BilanRecord record = record(id, revision, revision == 12 ? Outcome.COMPLETED : Outcome.IN_PROGRESS);
            // each revision twice, as a retried delivery would
            intakes.add(() -> records.record(record));
            intakes.add(() -> records.record(record));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<BilanRecords.Recorded>>> results = pool.invokeAll(intakes);
            for (Future<Optional<BilanRecords.Recorded>> result : results) {
                // none fails: a lost race is read again
                result.get();
            }
            // the highest revision is always kept or told again: never an older one's answer
            assertThat(results.stream().map(this::get).flatMap(Optional::stream)
                    .filter(recorded -> recorded.current().revision() == 12)).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }

        assertThat(records.byId(id)).hasValueSatisfying(kept -> assertThat(kept.revision()).isEqualTo(12));
        assertThat(records.record(record(id, 11, Outcome.IN_PROGRESS))).isEmpty();
    }

    private Optional<BilanRecords.Recorded> get(Future<Optional<BilanRecords.Recorded>> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void erasesABilansFactsOnce() {
        String id = UUID.randomUUID().toString();
        records.record(record(id, 1, Outcome.WITHDRAWN));

        assertThat(records.erase(id)).isTrue();
        assertThat(records.erase(id)).isFalse();
        assertThat(records.byId(id)).isEmpty();
    }

    @Test
    void indexesTheCentresEndsForTheResults() {
        assertThat(database.getCollection(BilanRecordRepository.COLLECTION).listIndexes()
                .map(index -> index.get("key", Document.class)).into(new ArrayList<>()))
                .contains(new Document("centreId", 1).append("endDate", 1), new Document("endDate", 1));
    }
}
