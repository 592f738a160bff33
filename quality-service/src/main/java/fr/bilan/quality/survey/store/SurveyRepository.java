package fr.bilan.quality.survey.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.SurveyState;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;

/**
 * The surveys in MongoDB ({@code surveys}), one document each, as the results and the audit pack read them:
 * {@code _id}, {@code assessmentId}, {@code centreId}, {@code kind}, {@code state},
 * {@code questionnaireVersion}, {@code sentTime}, {@code reminderTimes}, {@code answerTime},
 * {@code expireTime}, {@code satisfied}, {@code endDate} (a UTC midnight; none for a funder's survey, so that
 * no bilan's cohort counts it); a funder's yearly survey has no {@code assessmentId} but {@code funderId} and
 * {@code year} (absent from a bilan's), one per funder and year (a unique index); and, read by this package only,
 * {@code sendTime}, {@code answers} (by question id), {@code linkSalt}, {@code linkHash}, {@code version},
 * and {@code notice}: the invitation or reminder to hand to notification-service ({@code eventId},
 * {@code reminder}, and the delivery marker's fields, {@link OutboxMarker}), armed in the same write as the
 * state that calls for it. Every write is whole under the version read.
 */
@Repository
public class SurveyRepository implements Surveys {

    public static final String COLLECTION = "surveys";
    static final OutboxMarker NOTICE = new OutboxMarker("notice");
    static final String NOTICE_EVENT = "eventId";
    static final String NOTICE_REMINDER = "reminder";
    static final String NOTICE_TIME = "time";
    private static final String VERSION = "version";
    private static final String STATE = "state";
    private static final String FUNDER_ID = "funderId";
    private static final String YEAR = "year";
    private static final List<String> OPEN = List.of(SurveyState.SENT.name(), SurveyState.PARTIALLY_ANSWERED.name());

    private final MongoCollection<Document> collection;

    SurveyRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("assessmentId"));
        collection.createIndex(Indexes.ascending("linkHash"));
        collection.createIndex(Indexes.ascending(STATE, "sendTime"));
        collection.createIndex(Indexes.ascending(STATE, "expireTime"));
        collection.createIndex(Indexes.ascending("centreId", STATE, "answerTime"));
        collection.createIndex(Indexes.ascending("centreId", "endDate"));
        collection.createIndex(Indexes.ascending(NOTICE.pending(), NOTICE.nextAttemptTime()));
        // sparse: only the funders' surveys have these fields; a funder is asked once a year
        collection.createIndex(Indexes.ascending(FUNDER_ID, YEAR), new IndexOptions().unique(true).sparse(true));
        collection.createIndex(Indexes.ascending(YEAR, "centreId"));
    }

    @Override
    public boolean plan(Survey survey) {
        return Inserts.insertIfNew(collection, toDocument(survey));
    }

    @Override
    public Optional<Survey> update(Survey changed) {
        return write(changed, null);
    }

    @Override
    public Optional<Survey> updateAndNotify(Survey changed, int reminder, Instant now) {
        return write(changed, OutboxMarker.newPending(now).append(NOTICE_EVENT, eventId(changed.id(), reminder))
                .append(NOTICE_REMINDER, reminder).append(NOTICE_TIME, Date.from(now)));
    }

    /** The notice's event id: one per survey and message, whichever replica arms it, however often. */
    static String eventId(String surveyId, int reminder) {
        return "survey/" + surveyId + "/" + (reminder == 0 ? "invitation" : "reminder-" + reminder);
    }

    private Optional<Survey> write(Survey changed, Document notice) {
        Survey next = new Survey(changed.id(), changed.assessmentId(), changed.funderId(), changed.year(),
                changed.centreId(), changed.kind(), changed.state(), changed.questionnaireVersion(), changed.sendTime(),
                changed.sentTime(), changed.reminderTimes(), changed.answerTime(), changed.expireTime(), changed.satisfied(),
                changed.endDate(), changed.answers(), changed.linkSalt(), changed.linkHash(), changed.version() + 1);
        Document fields = toDocument(next);
        fields.remove("_id");
        if (notice != null) {
            fields.append(NOTICE.field(), notice);
        }
        // $set, not a replacement: a notice armed before keeps what the relay wrote to its marker
        long matched = collection.updateOne(Filters.and(Filters.eq("_id", changed.id()),
                Filters.eq(VERSION, changed.version())), new Document("$set", fields)).getMatchedCount();
        return matched == 1 ? Optional.of(next) : Optional.empty();
    }

    @Override
    public Optional<Survey> byId(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(SurveyRepository::toSurvey);
    }

    @Override
    public Optional<Survey> byLinkHash(String linkHash) {
        return Optional.ofNullable(collection.find(Filters.eq("linkHash", linkHash)).first())
                .map(SurveyRepository::toSurvey);
    }

    @Override
    public List<Survey> ofAssessment(String assessmentId) {
        return collection.find(Filters.eq("assessmentId", assessmentId)).sort(Sorts.ascending("sendTime", "_id"))
                .map(SurveyRepository::toSurvey).into(new ArrayList<>());
    }

    @Override
    public List<Survey> ofFunders(String centreId, int year) {
        return collection.find(Filters.and(Filters.eq("centreId", centreId), Filters.eq(YEAR, year),
                Filters.eq("kind", SurveyKind.FUNDER_YEARLY.name()))).sort(Sorts.ascending("_id"))
                .map(SurveyRepository::toSurvey).into(new ArrayList<>());
    }

    @Override
    public List<Survey> dueInvitations(Instant now, int limit) {
        return find(Filters.and(Filters.eq(STATE, SurveyState.PLANNED.name()), Filters.lte("sendTime", Date.from(now))),
                Sorts.ascending("sendTime"), limit);
    }

    @Override
    public List<Survey> dueReminders(Instant sentBy, int reminders, int limit) {
        return find(Filters.and(Filters.in(STATE, OPEN), Filters.lte("sentTime", Date.from(sentBy)),
                Filters.exists("reminderTimes." + (reminders - 1), false)), Sorts.ascending("sentTime"), limit);
    }

    @Override
    public List<Survey> expired(Instant now, int limit) {
        return find(Filters.and(Filters.in(STATE, OPEN), Filters.lte("expireTime", Date.from(now))),
                Sorts.ascending("expireTime"), limit);
    }

    @Override
    public List<Survey> answeredIn(String centreId, Instant start, Instant end, Instant afterTime, String afterId,
            int limit) {
        Bson filter = Filters.and(Filters.eq("centreId", centreId), Filters.eq(STATE, SurveyState.ANSWERED.name()),
                Filters.gte("answerTime", Date.from(start)), Filters.lt("answerTime", Date.from(end)));
        if (afterTime != null) {
            filter = Filters.and(filter, Filters.or(Filters.lt("answerTime", Date.from(afterTime)),
                    Filters.and(Filters.eq("answerTime", Date.from(afterTime)), Filters.lt("_id", afterId))));
        }
        return find(filter, Sorts.descending("answerTime", "_id"), limit);
    }

    @Override
    public long eraseAssessment(String assessmentId) {
        return collection.deleteMany(Filters.eq("assessmentId", assessmentId)).getDeletedCount();
    }

    private List<Survey> find(Bson filter, Bson sort, int limit) {
        return collection.find(filter).sort(sort).limit(limit).map(SurveyRepository::toSurvey).into(new ArrayList<>());
    }

    static Document toDocument(Survey s) {
        Document document = new Document("_id", s.id()).append("assessmentId", s.assessmentId());
        if (s.funderId() != null) {
            document.append(FUNDER_ID, s.funderId()).append(YEAR, s.year());
        }
        return document.append("centreId", s.centreId())
                .append("kind", s.kind().name()).append(STATE, s.state().name())
                .append("questionnaireVersion", s.questionnaireVersion()).append("sendTime", date(s.sendTime()))
                .append("sentTime", date(s.sentTime()))
                .append("reminderTimes", s.reminderTimes().stream().map(Date::from).toList())
                .append("answerTime", date(s.answerTime())).append("expireTime", date(s.expireTime()))
                .append("satisfied", s.satisfied()).append("endDate", BilanRecordRepository.day(s.endDate()))
                .append("answers", new Document(new LinkedHashMap<>(s.answers()))).append("linkSalt", s.linkSalt())
                .append("linkHash", s.linkHash()).append(VERSION, s.version());
    }

    static Survey toSurvey(Document d) {
        Map<String, String> answers = new LinkedHashMap<>();
        d.get("answers", new Document()).forEach((id, value) -> answers.put(id, String.valueOf(value)));
        return new Survey(d.getString("_id"), d.getString("assessmentId"), d.getString(FUNDER_ID), d.getInteger(YEAR),
                d.getString("centreId"),
                SurveyKind.valueOf(d.getString("kind")), SurveyState.valueOf(d.getString(STATE)),
                d.getString("questionnaireVersion"), instant(d.getDate("sendTime")), instant(d.getDate("sentTime")),
                d.getList("reminderTimes", Date.class, List.of()).stream().map(Date::toInstant).toList(),
                instant(d.getDate("answerTime")), instant(d.getDate("expireTime")), d.getBoolean("satisfied"),
                BilanRecordRepository.localDay(d.getDate("endDate")),
                answers, d.getString("linkSalt"), d.getString("linkHash"), d.get(VERSION, Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
