package fr.bilan.quality.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.support.testing.MemoryMongo;

/**
 * The follow-ups as kept on the embedded MongoDB: under their version, the due ones read earliest first, a
 * centre's listed by due date and paged, the consultant's notice armed with the acceptance and kept by later
 * writes.
 */
class FollowUpRepositoryTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private final MongoDatabase database = MONGO.freshDatabase();
    private final FollowUpRepository followUps = new FollowUpRepository(database);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static FollowUp scheduled(String centre, LocalDate due) {
        return scheduled("assessment-" + UUID.randomUUID(), centre, "consultant-1", FollowUpState.SCHEDULED, due);
    }

    private static FollowUp scheduled(String id, String centre, String consultant, FollowUpState state, LocalDate due) {
        return new FollowUp(id, centre, consultant, state, due, null, null, null, null, null, false, null,
                due == null ? LocalDate.of(2026, 12, 7) : due.minusMonths(6), 0);
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
    void indexesWhatTheOffersTheResultsTheListsAndTheRelayRead() {
        assertThat(database.getCollection(FollowUpRepository.COLLECTION).listIndexes()
                .map(index -> index.get("key", Document.class)).into(new ArrayList<>()))
                .contains(new Document("state", 1).append("dueDate", 1), new Document("centreId", 1).append("endDate", 1),
                        new Document("centreId", 1).append("dueDate", 1).append("_id", 1),
                        new Document("centreId", 1).append("consultantId", 1).append("dueDate", 1).append("_id", 1),
                        new Document("notice.pending", 1).append("notice.nextAttemptTime", 1));
    }

    @Test
    void keepsTheConsultantAndTheSessionTime() {
        FollowUp scheduled = scheduled("centre-lyon", LocalDate.of(2027, 6, 7));
        followUps.insert(scheduled);
        FollowUp read = followUps.byId(scheduled.assessmentId()).orElseThrow();
        Instant session = Instant.parse("2027-06-20T08:00:00Z");
        FollowUp booked = new FollowUp(read.assessmentId(), read.centreId(), "consultant-2", FollowUpState.BOOKED,
                read.dueDate(), Instant.parse("2027-06-07T06:00:00Z"), AnswerChannel.CONSULTANT_RECORDED,
                Instant.parse("2027-06-08T06:00:00Z"), null, null, false, session, read.endDate(), read.version());

        assertThat(followUps.replace(read, booked)).contains(booked.withVersion(2));
        assertThat(followUps.byId(scheduled.assessmentId())).contains(booked.withVersion(2));
        assertThat(database.getCollection(FollowUpRepository.COLLECTION).find(Filters.eq("_id", booked.assessmentId()))
                .first()).containsEntry("consultantId", "consultant-2").containsEntry("state", "BOOKED")
                .containsEntry("sessionTime", Date.from(session));
    }

    @Test
    void armsTheConsultantsNoticeWithTheAcceptanceAndLaterWritesKeepIt() {
        FollowUp offered = scheduled("assessment-" + UUID.randomUUID(), "centre-lyon", "consultant-1",
                FollowUpState.SCHEDULED, LocalDate.of(2027, 6, 7));
        followUps.insert(offered);
        FollowUp read = followUps.byId(offered.assessmentId()).orElseThrow();
        read = followUps.replace(read, read.offered(Instant.parse("2027-06-07T06:00:00Z"), read.dueDate())).orElseThrow();
        Instant acceptTime = Instant.parse("2027-06-09T10:15:00Z");
        FollowUp accepted = read.answered(true, AnswerChannel.SURVEY_LINK, acceptTime);

        // a write from a version gone by arms nothing
        assertThat(followUps.replaceTellingConsultant(read.withVersion(1), accepted)).isEmpty();
        assertThat(notice(offered)).isNull();
        FollowUp kept = followUps.replaceTellingConsultant(read, accepted).orElseThrow();

        Document notice = notice(offered);
        assertThat(notice).containsEntry("eventId", "follow-up/" + offered.assessmentId() + "/accepted/"
                + acceptTime.toEpochMilli()).containsEntry("consultantId", "consultant-1")
                .containsEntry("time", Date.from(acceptTime)).containsEntry("pending", true)
                .containsEntry("attempts", 0);
        // the session booked later: the notice still waits for its delivery
        followUps.replace(kept, kept.withSession(Instant.parse("2027-06-20T08:00:00Z"), acceptTime.plusSeconds(60)));
        assertThat(notice(offered)).isEqualTo(notice);
    }

    private Document notice(FollowUp followUp) {
        return database.getCollection(FollowUpRepository.COLLECTION).find(Filters.eq("_id", followUp.assessmentId()))
                .first().get("notice", Document.class);
    }

    @Test
    void listsACentresByDueDateThenIdTheNeverOfferedFirstByConsultantAndStatePageByPage() {
        LocalDate june7 = LocalDate.of(2027, 6, 7);
        LocalDate june8 = LocalDate.of(2027, 6, 8);
        List<FollowUp> all = List.of(
                scheduled("a-3", "centre-lyon", "consultant-1", FollowUpState.SCHEDULED, june8),
                scheduled("a-1", "centre-lyon", "consultant-2", FollowUpState.SCHEDULED, june7),
                scheduled("a-2", "centre-lyon", "consultant-1", FollowUpState.SCHEDULED, june7),
                scheduled("a-0", "centre-lyon", "consultant-1", FollowUpState.NOT_OFFERED, null),
                scheduled("a-9", "centre-lyon", "consultant-1", FollowUpState.NOT_OFFERED, null),
                scheduled("b-1", "centre-grenoble", "consultant-1", FollowUpState.SCHEDULED, june7));
        all.forEach(followUps::insert);

        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(), null, 10)))
                .containsExactly("a-0", "a-9", "a-1", "a-2", "a-3");
        assertThat(ids(followUps.ofCentre("centre-lyon", "consultant-1", Set.of(), null, 10)))
                .containsExactly("a-0", "a-9", "a-2", "a-3");
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(FollowUpState.SCHEDULED), null, 10)))
                .containsExactly("a-1", "a-2", "a-3");
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(FollowUpState.HELD, FollowUpState.BOOKED), null,
                10))).isEmpty();
        // page by page: after a never offered one, after a dated one
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(), null, 1))).containsExactly("a-0");
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(), new FollowUps.ListPosition(null, "a-0"), 2)))
                .containsExactly("a-9", "a-1");
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(), new FollowUps.ListPosition(june7, "a-1"), 2)))
                .containsExactly("a-2", "a-3");
        assertThat(ids(followUps.ofCentre("centre-lyon", null, Set.of(), new FollowUps.ListPosition(june8, "a-3"), 2)))
                .isEmpty();
    }

    private static List<String> ids(List<FollowUp> listed) {
        return listed.stream().map(FollowUp::assessmentId).toList();
    }
}
