package fr.bilan.quality.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.support.mongo.Inserts;

/**
 * The follow-ups in MongoDB ({@code followUps}), one document a bilan: {@code _id} (the assessment id),
 * {@code centreId}, {@code state}, {@code dueDate}, {@code offerTime}, {@code answerChannel},
 * {@code answerTime}, {@code heldDate}, {@code situation}, {@code actionPlanStarted}, {@code endDate}
 * (days as UTC midnights), and {@code version}. The results and the audit pack read it by {@code centreId}
 * and {@code endDate}; the offers by {@code state} and {@code dueDate}.
 */
@Repository
public class FollowUpRepository implements FollowUps {

    public static final String COLLECTION = "followUps";
    private static final String VERSION = "version";
    private static final String STATE = "state";
    private static final String DUE_DATE = "dueDate";

    private final MongoCollection<Document> collection;

    FollowUpRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(STATE, DUE_DATE));
        collection.createIndex(Indexes.ascending("centreId", "endDate"));
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
        FollowUp next = changed.withVersion(read.version() + 1);
        long matched = collection.replaceOne(Filters.and(Filters.eq("_id", read.assessmentId()),
                Filters.eq(VERSION, read.version())), toDocument(next)).getMatchedCount();
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

    private static Document toDocument(FollowUp f) {
        return new Document("_id", f.assessmentId()).append("centreId", f.centreId()).append(STATE, f.state().name())
                .append(DUE_DATE, BilanRecordRepository.day(f.dueDate())).append("offerTime", date(f.offerTime()))
                .append("answerChannel", f.answerChannel() == null ? null : f.answerChannel().name())
                .append("answerTime", date(f.answerTime())).append("heldDate", BilanRecordRepository.day(f.heldDate()))
                .append("situation", f.situation() == null ? null : f.situation().name())
                .append("actionPlanStarted", f.actionPlanStarted())
                .append("endDate", BilanRecordRepository.day(f.endDate())).append(VERSION, f.version());
    }

    private static FollowUp toFollowUp(Document d) {
        String channel = d.getString("answerChannel");
        String situation = d.getString("situation");
        return new FollowUp(d.getString("_id"), d.getString("centreId"), FollowUpState.valueOf(d.getString(STATE)),
                BilanRecordRepository.localDay(d.getDate(DUE_DATE)), instant(d.getDate("offerTime")),
                channel == null ? null : AnswerChannel.valueOf(channel), instant(d.getDate("answerTime")),
                BilanRecordRepository.localDay(d.getDate("heldDate")),
                situation == null ? null : Situation.valueOf(situation), d.getBoolean("actionPlanStarted", false),
                BilanRecordRepository.localDay(d.getDate("endDate")), d.get(VERSION, Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
