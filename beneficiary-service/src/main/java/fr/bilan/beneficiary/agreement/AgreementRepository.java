package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingRepository;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.resources.Lookups;

/**
 * Tripartite agreements in MongoDB, one document each: one per funding (a unique index), created
 * under an idempotency key, and changed only by conditional updates of the one document: a change
 * names the version and the state it was made from; a lapse names the state and the time it
 * depends on, so that any number of replicas may record lapses at once.
 *
 * <p>Recording a lapse keeps the version: from 00:00 on day 11 every read already shows the
 * agreement lapsed ({@link AgreementLifecycle#asOf}), so writing it down changes nothing anyone can
 * see, and an etag read before still names the same agreement. A signature sent with it is then
 * refused for the lapse, which is the reason, rather than as a concurrent change.
 */
@Repository
public class AgreementRepository {

    private static final String ID = "_id";
    private static final String FUNDING = "fundingId";
    private static final String BENEFICIARY = "beneficiaryId";
    private static final String REQUEST_KEY = "requestKey";
    static final String COLLECTION = "agreements";
    static final String STATE = "state";
    /** The marker of the agreement notices' outbox ({@link AgreementNoticeOutbox}), and when its notice was made. */
    static final OutboxMarker NOTICES = new OutboxMarker("notices");
    static final String NOTICE_TIME = "time";
    /** When the agreement's funding was cancelled while it awaited the employee's signature; absent otherwise. */
    static final String FUNDING_CANCEL_TIME = "fundingCancelTime";
    private static final String LAPSE_TIME = "lapseTime";
    private static final String CREATE_TIME = "createTime";
    private static final String UPDATE_TIME = "updateTime";
    private static final String END_TIME = "endTime";
    private static final String VERSION = "version";
    private static final String DESTROY_TIME = "destroyTime";

    private final MongoCollection<Document> collection;

    public AgreementRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending(FUNDING), new IndexOptions().unique(true));
        // serves the lapse check: the agreements sent, by when they lapse
        collection.createIndex(Indexes.ascending(STATE, LAPSE_TIME));
    }

    /**
     * Stores the draft of the funding's agreement, or returns the one already stored under the same
     * idempotency key; {@link fr.bilan.support.refusal.AlreadyExists} when the funding already has one.
     */
    public Agreement create(Funding funding, String centreId, AgreementMentions mentions, String requestKey,
            Instant now) {
        Document document = new Document(ID, UUID.randomUUID().toString())
                .append(FUNDING, funding.id())
                .append(BENEFICIARY, funding.beneficiaryId())
                .append("centreId", centreId)
                .append("employer", FundingRepository.employerDocument(funding.details().employer().orElseThrow()))
                .append(STATE, AgreementState.DRAFT.name())
                .append("mentions", mentionsDocument(mentions))
                .append("signatures", List.of())
                .append(REQUEST_KEY, requestKey)
                .append(CREATE_TIME, Date.from(now))
                .append(UPDATE_TIME, Date.from(now))
                .append(VERSION, 1L);
        if (Inserts.insertIfNew(collection, document)) {
            return toAgreement(document);
        }
        return findByRequestKey(requestKey).orElseThrow(() -> AgreementLifecycle.oneAgreementPerFunding(
                findByFundingId(funding.id()).map(Agreement::id)));
    }

    public Optional<Agreement> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(AgreementRepository::toAgreement);
    }

    /** The agreement {@code id} names ({@code field} of the request): {@code NotFound} when none. */
    public Agreement require(String id, String field) {
        return Lookups.require(field, id, this::findById, () -> AgreementLifecycle.notFound(id));
    }

    public Optional<Agreement> findByRequestKey(String requestKey) {
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(AgreementRepository::toAgreement);
    }

    public Optional<Agreement> findByFundingId(String fundingId) {
        return Optional.ofNullable(collection.find(Filters.eq(FUNDING, fundingId)).first())
                .map(AgreementRepository::toAgreement);
    }

    /**
     * Writes what a transition made of {@code read}, if the stored agreement is still the one read
     * (same version, same state: a lapse recorded in between keeps the version);
     * {@code Conflict} when it changed in between.
     */
    public Agreement save(Agreement next, Agreement read) {
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.set(STATE, next.state().name()),
                Updates.set("mentions", mentionsDocument(next.mentions())),
                Updates.set("receiveDate", iso(next.receiveDate())),
                Updates.set("employeeDeadlineDate", iso(next.employeeDeadlineDate())),
                Updates.set(LAPSE_TIME, next.lapseTime().map(Date::from).orElse(null)),
                Updates.set("signatures", next.signatures().stream().map(AgreementRepository::signatureDocument).toList()),
                Updates.set("refusal", next.refusal() == null ? null : signatureDocument(next.refusal())),
                Updates.set(END_TIME, next.endTime() == null ? null : Date.from(next.endTime())),
                Updates.set(UPDATE_TIME, Date.from(next.updateTime())),
                Updates.inc(VERSION, 1L)));
        if (AgreementNotice.isNew(read.state(), next.state())) {
            changes.add(noticeDue(next.updateTime()));
        }
        Document saved = collection.findOneAndUpdate(Filters.and(Filters.eq(ID, read.id()),
                Filters.eq(VERSION, read.version()), Filters.eq(STATE, read.state().name())),
                Updates.combine(changes), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (saved == null) {
            throw findById(next.id()).isPresent() ? AgreementLifecycle.modifiedMeanwhile()
                    : AgreementLifecycle.notFound(next.id());
        }
        return toAgreement(saved);
    }

    /**
     * Writes the stub of a destroyed agreement ({@link AgreementLifecycle#destroyed}) over
     * {@code read}, if it is still the version read: every mention, the employer party, the dates,
     * signatures and refusal removed. Whether it was written (false: changed in between, read it
     * again).
     */
    public boolean destroy(Agreement stub, Agreement read) {
        return collection.updateOne(Filters.and(Filters.eq(ID, read.id()), Filters.eq(VERSION, read.version())),
                Updates.combine(
                        Updates.set(STATE, stub.state().name()),
                        Updates.unset("mentions"),
                        Updates.unset("employer"),
                        Updates.unset("receiveDate"),
                        Updates.unset("employeeDeadlineDate"),
                        Updates.unset(LAPSE_TIME),
                        Updates.set("signatures", List.of()),
                        Updates.unset("refusal"),
                        Updates.set(END_TIME, stub.endTime() == null ? null : Date.from(stub.endTime())),
                        Updates.set(UPDATE_TIME, Date.from(stub.updateTime())),
                        Updates.set(DESTROY_TIME, Date.from(stub.destroyTime())),
                        Updates.inc(VERSION, 1L)))
                .getMatchedCount() == 1;
    }

    /** Records that this agreement lapsed, if it has and nobody recorded it yet; answers it as stored. */
    public Agreement recordLapse(String id, Instant now) {
        collection.updateOne(Filters.and(Filters.eq(ID, id), overdue(now)), lapse(now));
        return require(id, "id");
    }

    /** Records every lapse due by {@code now}; harmless when run by several replicas at once. */
    public long recordLapses(Instant now) {
        return collection.updateMany(overdue(now), lapse(now)).getModifiedCount();
    }

    /**
     * The lapse, and its notice due (the employee is reminded no more). End and update times of a
     * lapse are its lapse time, which each document holds: read from there.
     */
    private static Bson lapse(Instant now) {
        return Updates.combine(Updates.set(STATE, AgreementState.LAPSED.name()), noticeDue(now));
    }

    /** A new notice to tell notification-service ({@link AgreementNoticeOutbox}), due from {@code now}. */
    private static Bson noticeDue(Instant now) {
        return Updates.set(NOTICES.field(), OutboxMarker.newPending(now).append(NOTICE_TIME, Date.from(now)));
    }

    /**
     * Records that the funding {@code fundingId} was cancelled at {@code cancelTime} while its agreement
     * awaited the employee's signature, and that this settles it for notification-service; nothing
     * when the agreement is not awaiting it, or was told so already.
     */
    public void recordFundingCancelled(String fundingId, Instant cancelTime) {
        collection.updateOne(Filters.and(Filters.eq(FUNDING, fundingId), Filters.eq(STATE, AgreementState.SENT.name()),
                Filters.exists(FUNDING_CANCEL_TIME, false)),
                Updates.combine(Updates.set(FUNDING_CANCEL_TIME, Date.from(cancelTime)), noticeDue(cancelTime)));
    }

    /** When the funding of the stored agreement {@code document} was cancelled while it awaited a signature. */
    static Optional<Instant> fundingCancelTime(Document document) {
        return Optional.ofNullable(document.getDate(FUNDING_CANCEL_TIME)).map(Date::toInstant);
    }

    private static Bson overdue(Instant now) {
        return Filters.and(Filters.eq(STATE, AgreementState.SENT.name()), Filters.lte(LAPSE_TIME, Date.from(now)));
    }

    private static Document mentionsDocument(AgreementMentions mentions) {
        return new Document("title", mentions.title())
                .append("objective", mentions.objective())
                .append("content", mentions.content())
                .append("means", mentions.means())
                .append("durationHours", mentions.durationHours())
                .append("periodStartDate", iso(mentions.periodStartDate()))
                .append("periodEndDate", iso(mentions.periodEndDate()))
                .append("conductAndFollowUp", mentions.conductAndFollowUp())
                .append("resultsHandover", mentions.resultsHandover())
                .append("priceCents", mentions.priceCents())
                .append("paymentTerms", mentions.paymentTerms());
    }

    private static AgreementMentions toMentions(Document document) {
        return new AgreementMentions(document.getString("title"), document.getString("objective"),
                document.getString("content"), document.getString("means"), document.getInteger("durationHours"),
                day(document.getString("periodStartDate")), day(document.getString("periodEndDate")),
                document.getString("conductAndFollowUp"), document.getString("resultsHandover"),
                document.getLong("priceCents"), document.getString("paymentTerms"));
    }

    private static Document signatureDocument(Signature signature) {
        return new Document("party", signature.party().name())
                .append("method", signature.method().name())
                .append("evidenceSha256", signature.evidenceSha256())
                .append("recordedBy", signature.recordedBy())
                .append("time", Date.from(signature.time()));
    }

    private static Signature toSignature(Document document) {
        return new Signature(AgreementParty.valueOf(document.getString("party")),
                EvidenceMethod.valueOf(document.getString("method")), document.getString("evidenceSha256"),
                document.getString("recordedBy"), document.getDate("time").toInstant());
    }

    private static String iso(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /**
     * The agreement as stored. A lapse's end and update times are its lapse time; a destroyed
     * agreement keeps its own, and nothing of what it said.
     */
    static Agreement toAgreement(Document document) {
        AgreementState state = AgreementState.valueOf(document.getString(STATE));
        Date destroyed = document.getDate(DESTROY_TIME);
        boolean lapsed = state == AgreementState.LAPSED && destroyed == null;
        Date end = lapsed ? document.getDate(LAPSE_TIME) : document.getDate(END_TIME);
        Document refusal = document.get("refusal", Document.class);
        Document employer = document.get("employer", Document.class);
        Document mentions = document.get("mentions", Document.class);
        return new Agreement(document.getString(ID), document.getString(FUNDING), document.getString(BENEFICIARY),
                document.getString("centreId"), employer == null ? null : FundingRepository.employerOf(employer),
                state, mentions == null ? null : toMentions(mentions), day(document.getString("receiveDate")),
                day(document.getString("employeeDeadlineDate")),
                document.getList("signatures", Document.class).stream().map(AgreementRepository::toSignature).toList(),
                refusal == null ? null : toSignature(refusal), end == null ? null : end.toInstant(),
                document.getDate(CREATE_TIME).toInstant(), (lapsed ? end : document.getDate(UPDATE_TIME)).toInstant(),
                destroyed == null ? null : destroyed.toInstant(), document.getLong(VERSION));
    }
}
