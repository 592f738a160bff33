package fr.bilan.quality.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.MemoryMongo;

/** The follow-ups as kept on the embedded MongoDB: under their version, the due ones read earliest first. */
class FollowUpRepositoryTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private final MongoDatabase database = MONGO.freshDatabase();
    private final FollowUpRepository followUps = new FollowUpRepository(database);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static FollowUp scheduled(String centre, LocalDate due) {
        return new FollowUp("assessment-" + UUID.randomUUID(), centre, FollowUpState.SCHEDULED, due, null, null, null,
                null, null, false, due.minusMonths(6), 0);
    }

    @Test
    void keepsOneABilanAndChangesItOnlyAtTheVersionRead() {
        FollowUp scheduled = scheduled("centre-lyon", LocalDate.of(2027, 6, 7));

        assertThat(followUps.insert(scheduled)).isTrue();
        assertThat(followUps.insert(scheduled)).isFalse();
        FollowUp read = followUps.byId(scheduled.assessmentId()).orElseThrow();
        assertThat(read).isEqualTo(scheduled.withVersion(1));

        Instant offerTime = Instant.parse("2027-06-07T06:00:00Z");
        FollowUp offered = followUps.replace(read, read.offered(offerTime, read.dueDate())).orElseThrow();
        assertThat(offered.version()).isEqualTo(2);
        // a change from the version read before: refused, nothing written
        assertThat(followUps.replace(read, read.offered(offerTime.plusSeconds(60), read.dueDate()))).isEmpty();
        assertThat(followUps.byId(scheduled.assessmentId())).contains(offered);
    }

    @Test
    void readsTheScheduledOnesDueByADayEarliestFirstUpToTheLimit() {
        FollowUp late = scheduled("centre-lyon", LocalDate.of(2027, 6, 9));
        FollowUp early = scheduled("centre-reunion", LocalDate.of(2027, 6, 1));
        FollowUp onTheDay = scheduled("centre-lyon", LocalDate.of(2027, 6, 7));
        FollowUp later = scheduled("centre-lyon", LocalDate.of(2027, 6, 8));
        FollowUp alreadyOffered = scheduled("centre-lyon", LocalDate.of(2027, 5, 1));
        for (FollowUp followUp : new FollowUp[] { late, early, onTheDay, later, alreadyOffered }) {
            followUps.insert(followUp);
        }
        FollowUp read = followUps.byId(alreadyOffered.assessmentId()).orElseThrow();
        followUps.replace(read, read.offered(Instant.parse("2027-05-01T06:00:00Z"), read.dueDate()));

        assertThat(followUps.due(LocalDate.of(2027, 6, 8), 10)).extracting(FollowUp::assessmentId)
                .containsExactly(early.assessmentId(), onTheDay.assessmentId(), later.assessmentId());
        assertThat(followUps.due(LocalDate.of(2027, 6, 8), 2)).extracting(FollowUp::assessmentId)
                .containsExactly(early.assessmentId(), onTheDay.assessmentId());
    }

    @Test
    void indexesWhatTheOffersAndTheResultsRead() {
        assertThat(database.getCollection(FollowUpRepository.COLLECTION).listIndexes()
                .map(index -> index.get("key", Document.class)).into(new ArrayList<>()))
                .contains(new Document("state", 1).append("dueDate", 1), new Document("centreId", 1).append("endDate", 1));
    }
}
