package fr.bilan.quality.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;

/**
 * The follow-ups in MongoDB ({@code followUps}), one document a bilan: {@code _id} (the assessment id),
 * {@code centreId}, {@code consultantId}, {@code state}, {@code dueDate}, {@code offerTime},
 * {@code answerChannel}, {@code answerTime}, {@code heldDate}, {@code situation}, {@code actionPlanStarted},
 * {@code sessionTime}, {@code endDate} (days as UTC midnights), {@code version}, and {@code notice}: the
 * acceptance from the survey's link to tell the consultant ({@code eventId}, {@code consultantId},
 * {@code time}, and the delivery marker's fields, {@link OutboxMarker}), armed in the same write as the
 * acceptance. The results and the audit pack read it by {@code centreId} and {@code endDate}; the offers by
 * {@code state} and {@code dueDate}; the staff's lists by {@code centreId}, {@code consultantId} and
 * {@code dueDate}.
 */
@Repository
public class FollowUpRepository implements FollowUps {

    public static final String COLLECTION = "followUps";
    private static final String VERSION = "version";
    private static final String STATE = "state";
    private static final String DUE_DATE = "dueDate";
    private static final String CENTRE_ID = "centreId";
    private static final String CONSULTANT_ID = "consultantId";
    static final OutboxMarker NOTICE = new OutboxMarker("notice");
    static final String NOTICE_EVENT = "eventId";
    static final String NOTICE_CONSULTANT = "consultantId";
    static final String NOTICE_TIME = "time";

    private final MongoCollection<Document> collection;

    FollowUpRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(STATE, DUE_DATE));
        collection.createIndex(Indexes.ascending(CENTRE_ID, "endDate"));
        collection.createIndex(Indexes.ascending(CENTRE_ID, DUE_DATE, "_id"));
        collection.createIndex(Indexes.ascending(CENTRE_ID, CONSULTANT_ID, DUE_DATE, "_id"));
        collection.createIndex(Indexes.ascending(NOTICE.pending(), NOTICE.nextAttemptTime()));
    }

    @Override
    public Optional<FollowUp> byId(String assessmentId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", assessmentId)).first())
                .map(FollowUpRepository::toFollowUp);
    }

    @Override
    public boolean insert(FollowUp followUp) {
        return Inserts.insertIfNew(collection, toDocument(followUp.withVersion(1)));
    }

    @Override
    public Optional<FollowUp> replace(FollowUp read, FollowUp changed) {
        return write(read, changed, null);
    }

    @Override
    public Optional<FollowUp> replaceTellingConsultant(FollowUp read, FollowUp changed) {
        Instant accepted = changed.answerTime();
        return write(read, changed, OutboxMarker.newPending(accepted).append(NOTICE_EVENT, acceptedEventId(changed))
                .append(NOTICE_CONSULTANT, changed.consultantId()).append(NOTICE_TIME, Date.from(accepted)));
    }

    /** The notice's event id: one per bilan and acceptance, whichever replica arms it, however often. */
    static String acceptedEventId(FollowUp accepted) {
        return "follow-up/" + accepted.assessmentId() + "/accepted/" + accepted.answerTime().toEpochMilli();
    }

    private Optional<FollowUp> write(FollowUp read, FollowUp changed, Document notice) {
        FollowUp next = changed.withVersion(read.version() + 1);
        Document fields = toDocument(next);
        fields.remove("_id");
        if (notice != null) {
            fields.append(NOTICE.field(), notice);
        }
        // $set, not a replacement: a notice armed before keeps what the relay wrote to its marker
        long matched = collection.updateOne(Filters.and(Filters.eq("_id", read.assessmentId()),
                Filters.eq(VERSION, read.version())), new Document("$set", fields)).getMatchedCount();
        return matched == 1 ? Optional.of(next) : Optional.empty();
    }

    @Override
    public List<FollowUp> due(LocalDate today, int limit) {
        return collection.find(Filters.and(Filters.eq(STATE, FollowUpState.SCHEDULED.name()),
                        Filters.lte(DUE_DATE, BilanRecordRepository.day(today))))
                .sort(Sorts.ascending(DUE_DATE, "_id")).limit(limit)
                .map(FollowUpRepository::toFollowUp).into(new ArrayList<>());
    }

    @Override
    public boolean erase(String assessmentId) {
        return collection.deleteOne(Filters.eq("_id", assessmentId)).getDeletedCount() == 1;
    }

    @Override
    public List<FollowUp> ofCentre(String centreId, String consultantId, Set<FollowUpState> states,
            ListPosition after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(CENTRE_ID, centreId)));
        if (consultantId != null) {
            filters.add(Filters.eq(CONSULTANT_ID, consultantId));
        }
        if (!states.isEmpty()) {
            filters.add(Filters.in(STATE, states.stream().map(Enum::name).toList()));
        }
        if (after != null) {
            // never offered ones (no due date) sort first
            filters.add(after.dueDate() == null
                    ? Filters.or(Filters.and(Filters.eq(DUE_DATE, null), Filters.gt("_id", after.assessmentId())),
                            Filters.ne(DUE_DATE, null))
                    : Filters.or(Filters.and(Filters.eq(DUE_DATE, BilanRecordRepository.day(after.dueDate())),
                            Filters.gt("_id", after.assessmentId())),
                            Filters.gt(DUE_DATE, BilanRecordRepository.day(after.dueDate()))));
        }
        return collection.find(Filters.and(filters)).sort(Sorts.ascending(DUE_DATE, "_id")).limit(limit)
                .map(FollowUpRepository::toFollowUp).into(new ArrayList<>());
    }

    private static Document toDocument(FollowUp f) {
        return new Document("_id", f.assessmentId()).append(CENTRE_ID, f.centreId())
                .append(CONSULTANT_ID, f.consultantId()).append(STATE, f.state().name())
                .append(DUE_DATE, BilanRecordRepository.day(f.dueDate())).append("offerTime", date(f.offerTime()))
                .append("answerChannel", f.answerChannel() == null ? null : f.answerChannel().name())
                .append("answerTime", date(f.answerTime())).append("heldDate", BilanRecordRepository.day(f.heldDate()))
                .append("situation", f.situation() == null ? null : f.situation().name())
                .append("actionPlanStarted", f.actionPlanStarted()).append("sessionTime", date(f.sessionTime()))
                .append("endDate", BilanRecordRepository.day(f.endDate())).append(VERSION, f.version());
    }

    private static FollowUp toFollowUp(Document d) {
        String channel = d.getString("answerChannel");
        String situation = d.getString("situation");
        return new FollowUp(d.getString("_id"), d.getString(CENTRE_ID), d.getString(CONSULTANT_ID),
                FollowUpState.valueOf(d.getString(STATE)),
                BilanRecordRepository.localDay(d.getDate(DUE_DATE)), instant(d.getDate("offerTime")),
                channel == null ? null : AnswerChannel.valueOf(channel), instant(d.getDate("answerTime")),
                BilanRecordRepository.localDay(d.getDate("heldDate")),
                situation == null ? null : Situation.valueOf(situation), d.getBoolean("actionPlanStarted", false),
                instant(d.getDate("sessionTime")), BilanRecordRepository.localDay(d.getDate("endDate")),
                d.get(VERSION, Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
