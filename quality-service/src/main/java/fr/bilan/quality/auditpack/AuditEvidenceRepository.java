package fr.bilan.quality.auditpack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import fr.bilan.quality.auditpack.AuditPack.ComplaintDates;
import fr.bilan.quality.auditpack.AuditPack.FollowUpDates;
import fr.bilan.quality.auditpack.AuditPack.SurveyDates;
import fr.bilan.quality.bilan.BilanRecordRepository;

/**
 * The audit pack's reads of {@code surveys}, {@code followUps} and {@code complaints} (their shapes are
 * their writers' contract: COMMON-23). Each read projects the dates and states it prints, so that a
 * survey's answers never leave MongoDB for the pack. Ids go by batches of {@link #BATCH}.
 */
@Repository
class AuditEvidenceRepository implements AuditEvidence {

    static final int BATCH = 1_000;
    private static final Comparator<SurveyDates> KINDS = Comparator.comparing(
            survey -> SurveyDates.END_OF_BILAN.equals(survey.kind()) ? 0 : 1);
    private static final Comparator<ComplaintDates> RECEIVED = Comparator.comparing(ComplaintDates::receivedDate,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final MongoDatabase database;

    AuditEvidenceRepository(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Map<String, List<SurveyDates>> surveys(String centreId, Collection<String> assessmentIds, ZoneId zone) {
        Map<String, List<SurveyDates>> found = new HashMap<>();
        read(database.getCollection("surveys"), "assessmentId", centreId, assessmentIds, Projections.include("assessmentId", "kind", "state",
                "sentTime", "reminderTimes", "answerTime", "expireTime"), document -> {
                    List<LocalDate> reminders = document.getList("reminderTimes", Date.class, List.of()).stream()
                            .map(time -> day(time, zone)).toList();
                    found.computeIfAbsent(document.getString("assessmentId"), id -> new ArrayList<>())
                            .add(new SurveyDates(document.getString("kind"), document.getString("state"),
                                    day(document.getDate("sentTime"), zone), reminders,
                                    day(document.getDate("answerTime"), zone), day(document.getDate("expireTime"), zone)));
                });
        found.values().forEach(surveys -> surveys.sort(KINDS));
        return found;
    }

    @Override
    public Map<String, FollowUpDates> followUps(String centreId, Collection<String> assessmentIds, ZoneId zone) {
        Map<String, FollowUpDates> found = new HashMap<>();
        read(database.getCollection("followUps"), "_id", centreId, assessmentIds, Projections.include("state", "dueDate", "offerTime",
                "answerTime", "heldDate", "situation"), document -> found.put(document.getString("_id"),
                        new FollowUpDates(document.getString("state"),
                                BilanRecordRepository.localDay(document.getDate("dueDate")),
                                day(document.getDate("offerTime"), zone), day(document.getDate("answerTime"), zone),
                                BilanRecordRepository.localDay(document.getDate("heldDate")),
                                document.getString("situation"))));
        return found;
    }

    @Override
    public Map<String, List<ComplaintDates>> complaints(String centreId, Collection<String> assessmentIds) {
        Map<String, List<ComplaintDates>> found = new HashMap<>();
        read(database.getCollection("complaints"), "assessmentId", centreId, assessmentIds, Projections.include("assessmentId", "receivedDate",
                "acknowledgedDate", "answeredDate"), document -> found.computeIfAbsent(
                        document.getString("assessmentId"), id -> new ArrayList<>()).add(new ComplaintDates(
                                BilanRecordRepository.localDay(document.getDate("receivedDate")),
                                BilanRecordRepository.localDay(document.getDate("acknowledgedDate")),
                                BilanRecordRepository.localDay(document.getDate("answeredDate")))));
        found.values().forEach(complaints -> complaints.sort(RECEIVED));
        return found;
    }

    /** The documents of {@code centreId} whose {@code idField} is one of {@code ids}, projected. */
    private static void read(MongoCollection<Document> collection, String idField, String centreId, Collection<String> ids, Bson projection,
            Consumer<Document> each) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            collection.find(Filters.and(Filters.eq("centreId", centreId),
                    Filters.in(idField, all.subList(from, Math.min(all.size(), from + BATCH)))))
                    .projection(projection).forEach(each);
        }
    }

    /** The day of an instant in the centre's zone. */
    private static LocalDate day(Date time, ZoneId zone) {
        return time == null ? null : LocalDate.ofInstant(time.toInstant(), zone);
    }
}
