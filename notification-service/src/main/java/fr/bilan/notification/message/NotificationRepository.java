package fr.bilan.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

import fr.bilan.support.mongo.Inserts;

/**
 * The messages in MongoDB ({@code notifications}), one document each: {@code _id}, {@code key}
 * (unique), {@code kind}, {@code centreId}, {@code recipient} ({@code beneficiary:…}, {@code account:…}
 * or {@code funder-survey:…}), {@code beneficiaryId}, {@code accountId} or {@code funderSurveyId},
 * {@code assessmentId},
 * {@code reference} and {@code subject} (its fields), {@code dueTime}, {@code outcome},
 * {@code attempts}, {@code nextAttemptTime}, {@code outcomeTime}, {@code outcomeReason},
 * {@code templateVersion}, {@code version}. Never a body, a name nor an address.
 */
@Repository
public class NotificationRepository implements Notifications {

    public static final String COLLECTION = "notifications";
    private static final String VERSION = "version";
    private static final String OUTCOME = "outcome";
    private static final String NEXT_ATTEMPT = "nextAttemptTime";
    private static final String DUE = "dueTime";

    private final MongoCollection<Document> collection;

    NotificationRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        // the dispatcher's read: due pending messages
        collection.createIndex(Indexes.ascending(OUTCOME, NEXT_ATTEMPT));
        collection.createIndex(Indexes.ascending("recipient", OUTCOME, DUE));
        collection.createIndex(Indexes.ascending("reference", OUTCOME));
        collection.createIndex(Indexes.ascending("assessmentId"));
        collection.createIndex(Indexes.descending("centreId", DUE));
    }

    @Override
    public boolean plan(Notification notification) {
        return Inserts.insertIfNew(collection, toDocument(notification));
    }

    @Override
    public boolean replace(Notification changed) {
        Document next = toDocument(changed).append(VERSION, changed.version() + 1);
        return collection.replaceOne(Filters.and(Filters.eq("_id", changed.id()), Filters.eq(VERSION, changed.version())),
                next).getMatchedCount() == 1;
    }

    @Override
    public Optional<Notification> byId(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(NotificationRepository::toNotification);
    }

    @Override
    public Optional<Notification> byKey(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("key", key)).first()).map(NotificationRepository::toNotification);
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return list(Filters.and(pending(), Filters.lte(NEXT_ATTEMPT, Date.from(now))), Sorts.ascending(DUE, "_id"), 0, limit);
    }


    @Override
    public List<Notification> pendingAbout(String reference, List<NotificationKind> kinds) {
        return list(Filters.and(Filters.eq("reference", reference), pending(), ofKinds(kinds)), Sorts.ascending(DUE), 0, 0);
    }

    @Override
    public List<Notification> pendingOfAssessment(String assessmentId) {
        return list(Filters.and(Filters.eq("assessmentId", assessmentId), pending()), Sorts.ascending(DUE), 0, 0);
    }

    @Override
    public List<Notification> pendingFor(Recipient recipient, List<NotificationKind> kinds) {
        return list(Filters.and(Filters.eq("recipient", recipient.id()), pending(), ofKinds(kinds)), Sorts.ascending(DUE), 0, 0);
    }


    @Override
    public long eraseAssessment(String assessmentId) {
        return collection.deleteMany(Filters.eq("assessmentId", assessmentId)).getDeletedCount();
    }

    private List<Notification> list(Bson filter, Bson sort, int offset, int limit) {
        List<Notification> found = new ArrayList<>();
        collection.find(filter).sort(sort).skip(offset).limit(limit).map(NotificationRepository::toNotification).into(found);
        return found;
    }

    private static Bson pending() {
        return Filters.eq(OUTCOME, DeliveryOutcome.PENDING.name());
    }

    private static Bson ofKinds(List<NotificationKind> kinds) {
        return Filters.in("kind", kinds.stream().map(Enum::name).toList());
    }

    static Document toDocument(Notification n) {
        Document document = new Document("_id", n.id()).append("key", n.key()).append("kind", n.kind().name())
                .append("centreId", n.centreId()).append("recipient", n.recipient().id())
                .append("assessmentId", n.assessmentId()).append("reference", n.subject().reference())
                .append("subject", subject(n.subject())).append(DUE, Date.from(n.dueTime()))
                .append(OUTCOME, n.outcome().name()).append("attempts", n.attempts())
                .append(NEXT_ATTEMPT, Date.from(n.nextAttemptTime()))
                .append("outcomeTime", n.outcomeTime() == null ? null : Date.from(n.outcomeTime()))
                .append("outcomeReason", n.outcomeReason()).append("templateVersion", n.templateVersion())
                .append(VERSION, n.version());
        if (n.recipient() instanceof Recipient.Beneficiary beneficiary) {
            document.append("beneficiaryId", beneficiary.beneficiaryId());
        } else if (n.recipient() instanceof Recipient.Staff staff) {
            document.append("accountId", staff.accountId());
        } else if (n.recipient() instanceof Recipient.FunderContact contact) {
            document.append("funderSurveyId", contact.surveyId());
        }
        return document;
    }

    private static Document subject(Subject subject) {
        if (subject instanceof Subject.Session s) {
            return new Document("type", "session").append("assessmentId", s.assessmentId())
                    .append("sessionId", s.sessionId()).append("consultantId", s.consultantId())
                    .append("phase", s.phase().name()).append("start", Date.from(s.start()))
                    .append("end", Date.from(s.end())).append("room", s.room()).append("videoLink", s.videoLink())
                    .append("sequence", s.sequence()).append("calendarUid", s.calendarUid());
        }
        if (subject instanceof Subject.Agreement a) {
            return new Document("type", "agreement").append("fundingId", a.fundingId())
                    .append("deadline", a.deadline().toString());
        }
        if (subject instanceof Subject.Synthesis s) {
            return new Document("type", "synthesis").append("assessmentId", s.assessmentId());
        }
        if (subject instanceof Subject.Survey s) {
            return new Document("type", "survey").append("surveyId", s.surveyId()).append("assessmentId", s.assessmentId())
                    .append("followUp", s.followUp()).append("reminder", s.reminder())
                    .append("expireTime", Date.from(s.expireTime()));
        }
        if (subject instanceof Subject.FunderSurvey s) {
            return new Document("type", "funder-survey").append("surveyId", s.surveyId())
                    .append("funderName", s.funderName()).append("year", s.year()).append("reminder", s.reminder())
                    .append("expireTime", Date.from(s.expireTime()));
        }
        if (subject instanceof Subject.FollowUp f) {
            return new Document("type", "follow-up").append("assessmentId", f.assessmentId())
                    .append("beneficiaryId", f.beneficiaryId()).append("dueDate", f.dueDate().toString());
        }
        Subject.Digest d = (Subject.Digest) subject;
        return new Document("type", "digest").append("day", d.day().toString())
                .append("items", d.items().stream().map(item -> new Document("kind", item.kind().name())
                        .append("reference", item.reference()).append("time", Date.from(item.time()))).toList())
                .append("cpf", d.cpfDeadlines().stream().map(line -> new Document("dossierId", line.dossierId())
                        .append("number", line.dossierNumber()).append("state", line.state().name())
                        .append("label", line.label()).append("due", line.dueDate().toString())).toList())
                .append("cpfUnread", d.cpfUnread());
    }

    static Notification toNotification(Document d) {
        String recipientId = d.getString("recipient");
        Recipient recipient = d.getString("beneficiaryId") != null ? new Recipient.Beneficiary(d.getString("beneficiaryId"))
                : d.getString("funderSurveyId") != null ? new Recipient.FunderContact(d.getString("funderSurveyId"))
                : new Recipient.Staff(d.getString("accountId"));
        if (!recipient.id().equals(recipientId)) {
            throw new IllegalStateException("message " + d.get("_id") + " names two recipients");
        }
        return new Notification(d.getString("_id"), d.getString("key"), NotificationKind.valueOf(d.getString("kind")),
                d.getString("centreId"), recipient, d.getString("assessmentId"), toSubject(d.get("subject", Document.class)),
                instant(d, DUE), DeliveryOutcome.valueOf(d.getString(OUTCOME)), d.getInteger("attempts", 0),
                instant(d, NEXT_ATTEMPT), instant(d, "outcomeTime"), d.getString("outcomeReason"),
                d.getString("templateVersion"), d.get(VERSION, Number.class).longValue());
    }

    private static Subject toSubject(Document s) {
        return switch (s.getString("type")) {
            case "session" -> new Subject.Session(s.getString("assessmentId"), s.getString("sessionId"),
                    s.getString("consultantId"), SessionPhase.valueOf(s.getString("phase")), instant(s, "start"),
                    instant(s, "end"), s.getString("room"), s.getString("videoLink"), s.getInteger("sequence", 0),
                    s.getString("calendarUid"));
            case "agreement" -> new Subject.Agreement(s.getString("fundingId"), LocalDate.parse(s.getString("deadline")));
            case "synthesis" -> new Subject.Synthesis(s.getString("assessmentId"));
            case "survey" -> new Subject.Survey(s.getString("surveyId"), s.getString("assessmentId"),
                    s.getBoolean("followUp", false), s.getInteger("reminder", 0), instant(s, "expireTime"));
            case "funder-survey" -> new Subject.FunderSurvey(s.getString("surveyId"), s.getString("funderName"),
                    s.getInteger("year", 0), s.getInteger("reminder", 0), instant(s, "expireTime"));
            case "follow-up" -> new Subject.FollowUp(s.getString("assessmentId"), s.getString("beneficiaryId"),
                    LocalDate.parse(s.getString("dueDate")));
            // the digests written before the CPF lines have neither "cpf" nor "cpfUnread"
            case "digest" -> new Subject.Digest(LocalDate.parse(s.getString("day")), s.getList("items", Document.class)
                    .stream().map(item -> new Subject.DigestItem(Subject.DigestItemKind.valueOf(item.getString("kind")),
                            item.getString("reference"), instant(item, "time"))).toList(),
                    s.getList("cpf", Document.class, List.of()).stream().map(line -> new Subject.CpfDeadlineItem(
                            line.getString("dossierId"), line.getString("number"),
                            CpfDossierState.valueOf(line.getString("state")), line.getString("label"),
                            LocalDate.parse(line.getString("due")))).toList(),
                    s.getBoolean("cpfUnread", false));
            default -> throw new IllegalStateException("unknown subject " + s.getString("type"));
        };
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    @Override
    public boolean anyPendingAhead(Notification message) {
        Date due = Date.from(message.dueTime());
        return collection.find(Filters.and(Filters.eq("recipient", message.recipient().id()), pending(),
                Filters.or(Filters.lt(DUE, due), Filters.and(Filters.eq(DUE, due), Filters.lt("_id", message.id())))))
                .limit(1).first() != null;
    }

    @Override
    public long countDue(Instant now) {
        return collection.countDocuments(Filters.and(pending(), Filters.lte(NEXT_ATTEMPT, Date.from(now))));
    }

    @Override
    public Optional<Instant> oldestPendingDue(Instant now) {
        return Optional.ofNullable(collection.find(Filters.and(pending(), Filters.lte(DUE, Date.from(now))))
                .sort(Sorts.ascending(DUE)).limit(1).first()).map(d -> instant(d, DUE));
    }

    @Override
    public long countFailed() {
        return collection.countDocuments(Filters.eq(OUTCOME, DeliveryOutcome.FAILED.name()));
    }

    @Override
    public List<Notification> ofCentreAfter(String centreId, DeliveryOutcome outcome, String beneficiaryId,
            Instant afterDue, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("centreId", centreId)));
        if (outcome != null) {
            filters.add(Filters.eq(OUTCOME, outcome.name()));
        }
        if (beneficiaryId != null) {
            filters.add(Filters.eq("beneficiaryId", beneficiaryId));
        }
        if (afterDue != null) {
            Date due = Date.from(afterDue);
            filters.add(Filters.or(Filters.lt(DUE, due), Filters.and(Filters.eq(DUE, due), Filters.lt("_id", afterId))));
        }
        return list(Filters.and(filters), Sorts.descending(DUE, "_id"), 0, limit);
    }
}
