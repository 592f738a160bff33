package fr.bilan.notification.tracking;

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
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;

/**
 * The sessions ({@code tracked_sessions}, {@code _id} {@code <bilan>/<session>}) and agreements
 * ({@code tracked_agreements}, {@code _id} the funding id) as last heard of: identifiers, times,
 * places and states, never a name. A fact is taken by one replica at a time per producer's outbox
 * batch, and a stale one is refused before it is written, so a plain replace is enough here.
 */
@Repository
public class TrackingRepository implements Tracking {

    public static final String SESSIONS = "tracked_sessions";
    public static final String AGREEMENTS = "tracked_agreements";
    private static final String STATE = "state";

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> agreements;

    TrackingRepository(MongoDatabase database) {
        this.sessions = database.getCollection(SESSIONS);
        this.agreements = database.getCollection(AGREEMENTS);
        sessions.createIndex(Indexes.ascending("assessmentId"));
        sessions.createIndex(Indexes.ascending(STATE, "end"));
        sessions.createIndex(Indexes.ascending("beneficiaryId", STATE, "start"));
        agreements.createIndex(Indexes.ascending("awaiting", "deadline"));
    }

    @Override
    public Optional<TrackedSession> session(String assessmentId, String sessionId) {
        return Optional.ofNullable(sessions.find(Filters.eq("_id", assessmentId + "/" + sessionId)).first())
                .map(TrackingRepository::toSession);
    }

    @Override
    public void save(TrackedSession tracked) {
        Subject.Session s = tracked.session();
        Document document = new Document("_id", s.assessmentId() + "/" + s.sessionId())
                .append("assessmentId", s.assessmentId()).append("sessionId", s.sessionId())
                .append("beneficiaryId", tracked.beneficiaryId()).append("centreId", tracked.centreId())
                .append("consultantId", s.consultantId()).append("phase", s.phase().name())
                .append("start", Date.from(s.start())).append("end", Date.from(s.end())).append("room", s.room())
                .append("videoLink", s.videoLink()).append("sequence", s.sequence())
                .append("calendarUid", s.calendarUid()).append(STATE, tracked.state().name())
                .append("lastOccurTime", Date.from(tracked.lastOccurTime()));
        sessions.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<TrackedAgreement> agreement(String fundingId) {
        return Optional.ofNullable(agreements.find(Filters.eq("_id", fundingId)).first())
                .map(TrackingRepository::toAgreement);
    }

    @Override
    public void save(TrackedAgreement agreement) {
        Document document = new Document("_id", agreement.fundingId()).append("beneficiaryId", agreement.beneficiaryId())
                .append("centreId", agreement.centreId()).append("deadline", agreement.deadline().toString())
                .append("awaiting", agreement.awaiting())
                .append("lastOccurTime", Date.from(agreement.lastOccurTime()));
        agreements.replaceOne(Filters.eq("_id", agreement.fundingId()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public long endAssessment(String assessmentId, Instant occurTime) {
        return sessions.updateMany(Filters.and(Filters.eq("assessmentId", assessmentId),
                Filters.ne(STATE, TrackedSession.SessionState.ENDED.name())),
                Updates.combine(Updates.set(STATE, TrackedSession.SessionState.ENDED.name()),
                        Updates.set("lastOccurTime", Date.from(occurTime)))).getModifiedCount();
    }

    @Override
    public List<TrackedSession> heldUnsettled(Instant before) {
        List<TrackedSession> found = new ArrayList<>();
        sessions.find(Filters.and(Filters.eq(STATE, TrackedSession.SessionState.SCHEDULED.name()),
                Filters.lte("end", Date.from(before)))).sort(Sorts.ascending("end", "_id"))
                .map(TrackingRepository::toSession).into(found);
        return found;
    }

    @Override
    public List<TrackedSession> upcomingOf(String beneficiaryId, Instant after) {
        List<TrackedSession> found = new ArrayList<>();
        sessions.find(Filters.and(Filters.eq("beneficiaryId", beneficiaryId),
                Filters.eq(STATE, TrackedSession.SessionState.SCHEDULED.name()), Filters.gt("start", Date.from(after))))
                .sort(Sorts.ascending("start", "_id")).map(TrackingRepository::toSession).into(found);
        return found;
    }

    @Override
    public List<TrackedAgreement> awaitingUntil(LocalDate lastDay) {
        List<TrackedAgreement> found = new ArrayList<>();
        // ISO dates sort as text
        agreements.find(Filters.and(Filters.eq("awaiting", true), Filters.lte("deadline", lastDay.toString())))
                .sort(Sorts.ascending("deadline", "_id")).map(TrackingRepository::toAgreement).into(found);
        return found;
    }

    @Override
    public long eraseAssessment(String assessmentId) {
        return sessions.deleteMany(Filters.eq("assessmentId", assessmentId)).getDeletedCount();
    }

    @Override
    public List<TrackedAgreement> awaitingOf(String beneficiaryId) {
        List<TrackedAgreement> found = new ArrayList<>();
        agreements.find(Filters.and(Filters.eq("beneficiaryId", beneficiaryId), Filters.eq("awaiting", true)))
                .sort(Sorts.ascending("deadline", "_id")).map(TrackingRepository::toAgreement).into(found);
        return found;
    }

    private static TrackedSession toSession(Document d) {
        Subject.Session session = new Subject.Session(d.getString("assessmentId"), d.getString("sessionId"),
                d.getString("consultantId"), SessionPhase.valueOf(d.getString("phase")), d.getDate("start").toInstant(),
                d.getDate("end").toInstant(), d.getString("room"), d.getString("videoLink"), d.getInteger("sequence", 0),
                d.getString("calendarUid"));
        return new TrackedSession(d.getString("beneficiaryId"), d.getString("centreId"), session,
                TrackedSession.SessionState.valueOf(d.getString(STATE)), d.getDate("lastOccurTime").toInstant());
    }

    private static TrackedAgreement toAgreement(Document d) {
        return new TrackedAgreement(d.getString("_id"), d.getString("beneficiaryId"), d.getString("centreId"),
                LocalDate.parse(d.getString("deadline")), d.getBoolean("awaiting", false),
                d.getDate("lastOccurTime").toInstant());
    }
}
