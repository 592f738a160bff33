package fr.bilan.quality.register.complaint;

import static fr.bilan.quality.bilan.BilanRecordRepository.day;
import static fr.bilan.quality.bilan.BilanRecordRepository.localDay;
import static fr.bilan.quality.register.RegisterStore.CENTRE_ID;
import static fr.bilan.quality.register.RegisterStore.REQUEST_KEY;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.quality.register.RegisterStore;

/**
 * The complaints in MongoDB ({@code complaints}), one document each: {@code _id}, {@code centreId},
 * {@code assessmentId} (or null), {@code complainant}, {@code channel}, {@code topic} (the contract's
 * names), {@code receivedDate}, {@code acknowledgedDate}, {@code answeredDate} (UTC midnights of the days,
 * null before), {@code summary}, {@code answerSummary}, {@code createTime}, {@code requestKey} and
 * {@code version} ({@link RegisterStore}). The audit pack reads it by {@code centreId} and
 * {@code receivedDate}; the purge unlinks a bilan by {@code assessmentId}.
 */
@Repository
public class ComplaintRepository extends RegisterStore<Complaint> implements Complaints {

    public static final String COLLECTION = "complaints";
    /** The field naming the bilan a complaint concerns. */
    public static final String ASSESSMENT_ID = "assessmentId";
    /** The field counting a complaint's versions. */
    public static final String VERSION = RegisterStore.VERSION;
    private static final String RECEIVED_DATE = "receivedDate";

    ComplaintRepository(MongoDatabase database) {
        super(indexed(database.getCollection(COLLECTION)), ComplaintRepository::toDocument, ComplaintRepository::toComplaint,
                Complaint::version);
    }

    private static MongoCollection<Document> indexed(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(CENTRE_ID, RECEIVED_DATE));
        collection.createIndex(Indexes.ascending(ASSESSMENT_ID));
        return collection;
    }

    @Override
    public List<Complaint> receivedBetween(String centreId, LocalDate from, LocalDate until) {
        return find(Filters.and(Filters.eq(CENTRE_ID, centreId), Filters.gte(RECEIVED_DATE, day(from)),
                Filters.lt(RECEIVED_DATE, day(until))), Sorts.descending(RECEIVED_DATE, "createTime", "_id"));
    }

    static Document toDocument(Complaint c) {
        return new Document("_id", c.id()).append(CENTRE_ID, c.centreId()).append(ASSESSMENT_ID, c.assessmentId())
                .append("complainant", c.complainant().name()).append("channel", c.channel().name())
                .append("topic", c.topic().name()).append(RECEIVED_DATE, day(c.receivedDate()))
                .append("acknowledgedDate", day(c.acknowledgedDate())).append("answeredDate", day(c.answeredDate()))
                .append("summary", c.summary()).append("answerSummary", c.answerSummary())
                .append("createTime", Date.from(c.createTime())).append(REQUEST_KEY, c.requestKey())
                .append(VERSION, c.version());
    }

    static Complaint toComplaint(Document d) {
        return new Complaint(d.getString("_id"), d.getString(CENTRE_ID), ComplainantKind.valueOf(d.getString("complainant")),
                ComplaintChannel.valueOf(d.getString("channel")), ComplaintTopic.valueOf(d.getString("topic")),
                d.getString("summary"), d.getString(ASSESSMENT_ID), localDay(d.getDate(RECEIVED_DATE)),
                localDay(d.getDate("acknowledgedDate")), localDay(d.getDate("answeredDate")), d.getString("answerSummary"),
                d.getDate("createTime").toInstant(), d.getString(REQUEST_KEY), d.getLong(VERSION));
    }
}
