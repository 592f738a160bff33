package fr.bilan.session.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.bilan.session.actionend.ActionEndOutbox;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.cpfprogress.CpfProgressOutbox;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.outbox.OutboxMarker;

/**
 * Bilans in {@code assessments}, one document each with its sessions. Every change is one update
 * under the version read ({@link #update}); the end of the action also writes, in that same update,
 * its pending delivery to retention-service ({@code actionEnd}, the outbox marker the relay owns
 * afterwards, so later changes never touch it, but for the destruction of the evidence, which
 * removes its follow-up day). A change that makes a new fact for notification-service
 * ({@link SessionNotices#anyNew}) arms, in that same update, the notices' outbox marker
 * ({@link #NOTICES}: its delivery fields, {@code version}, the bilan's version that armed it, and
 * {@code time}, when); the relay sends the bilan's facts as they then stand. The first attended
 * session of the action and its end arm, in that same update, the CPF progress outbox's marker
 * ({@link CpfProgressOutbox}) with the fact for the bilan's CPF dossier. A change that alters the
 * bilan's facts ({@link BilanFacts#changed}) arms the bilan facts' marker ({@link #BILAN_FACTS}), as the
 * notices'; the relay tells quality-service the facts as they then stand. A bilan whose
 * evidence was destroyed is a stub
 * ({@code evidenceDestroyTime} set; no {@code consultantId}, {@code fundingId}, {@code fundingTerms},
 * {@code format}, {@code stateReason}, dates of hand-over or follow-up; {@code assignments}, {@code sessions} and
 * {@code personalWork} empty).
 */
@Repository
public class AssessmentRepository {

    public static final String COLLECTION = "assessments";
    static final String VERSION = "version";
    static final String REQUEST_KEY = "requestKey";
    static final String CONSULTANT = "consultantId";
    static final String CENTRE = "centreId";
    static final String ACCOUNT = "beneficiaryAccountId";
    static final String STATE = "state";
    static final String CREATE_TIME = "createTime";
    static final String EVIDENCE_DESTROY_TIME = "evidenceDestroyTime";
    /** The beneficiary's personal work ({@link PersonalWork}); absent from bilans stored before it was recorded. */
    static final String PERSONAL_WORK = "personalWork";
    /**
     * How the bilan is paid for ({@link FundingTerms}: {@code kind}, {@code funder} {kind, name, siret} or
     * null, {@code agreementSignTime} or null); null before « financement accordé », absent from bilans
     * agreed before it was kept.
     */
    static final String FUNDING_TERMS = "fundingTerms";
    /** The beneficiary's version whose login {@link #ACCOUNT} holds: a link is replaced by newer ones only. */
    static final String LINK_VERSION = "beneficiaryLinkVersion";
    /** The newest login linked to each beneficiary, as beneficiary-service last said. */
    public static final String LINKS = "beneficiary_links";
    /** The notices still to tell notification-service: its marker, re-armed whole by each change that makes a new fact. */
    public static final OutboxMarker NOTICES = new OutboxMarker("notices");
    /** The fields of {@code notices} beside the marker's: the bilan's version that armed it, and when. */
    public static final String NOTICES_VERSION = "version";
    public static final String NOTICES_TIME = "time";
    /**
     * The bilan's facts still to tell quality-service ({@link BilanFacts}): its marker, re-armed whole by
     * each change that alters them, with the same {@code version} and {@code time} fields as {@link #NOTICES}.
     */
    public static final OutboxMarker BILAN_FACTS = new OutboxMarker("bilanFacts");

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> links;
    private final Clock clock;

    AssessmentRepository(MongoDatabase database, Clock clock) {
        this.clock = clock;
        this.collection = database.getCollection(COLLECTION);
        this.links = database.getCollection(LINKS);
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        // the lists: a consultant's, a centre's, a beneficiary's, newest first
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(CONSULTANT), Indexes.descending(CREATE_TIME, "_id")));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE), Indexes.descending(CREATE_TIME, "_id")));
        collection.createIndex(Indexes.ascending(ACCOUNT));
        // a beneficiary's bilans, whose login follows the link
        collection.createIndex(Indexes.ascending("beneficiaryId"));
        // the notices relay's read: due pending notices (others sort apart, as null)
        collection.createIndex(Indexes.ascending(NOTICES.pending(), NOTICES.nextAttemptTime()));
        // the bilan facts relay's read
        collection.createIndex(Indexes.ascending(BILAN_FACTS.pending(), BILAN_FACTS.nextAttemptTime()));
    }

    public Optional<Assessment> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(AssessmentRepository::toAssessment);
    }

    /**
     * Stores a new bilan, or returns the one an earlier request with the same key created. Its
     * beneficiary's login is the one read with {@code linkVersion} of the beneficiary; a newer link
     * taken in meanwhile replaces it at once.
     */
    public Assessment create(Assessment assessment, long linkVersion, String requestKey) {
        Document document = toDocument(assessment).append("_id", assessment.id()).append(REQUEST_KEY, requestKey)
                .append(LINK_VERSION, linkVersion).append(VERSION, 1L);
        if (Inserts.insertIfNew(collection, document)) {
            relinkToNewest(assessment.beneficiaryId());
            return find(assessment.id()).orElseThrow();
        }
        return toAssessment(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first());
    }

    /**
     * Takes in a change of the login linked to a beneficiary (made at the beneficiary's
     * {@code version}), and gives every bilan of theirs the newest link known, each bilan a new
     * version: a concurrent change of a bilan is read again, never written over the link.
     *
     * @return whether the change was newer than the link held, so applied; false for a redelivery
     *         or a change overtaken by a later one
     */
    public boolean followLink(String beneficiaryId, String accountId, long version) {
        boolean newer;
        try {
            var result = links.updateOne(Filters.and(Filters.eq("_id", beneficiaryId), Filters.lt(VERSION, version)),
                    Updates.combine(Updates.set("accountId", accountId), Updates.set(VERSION, version)),
                    new UpdateOptions().upsert(true));
            newer = result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // held at this version or a later one: the upsert found no older link to replace
            newer = false;
        }
        relinkToNewest(beneficiaryId);
        return newer;
    }

    private void relinkToNewest(String beneficiaryId) {
        Document newest = links.find(Filters.eq("_id", beneficiaryId)).first();
        if (newest == null) {
            return;
        }
        long version = newest.get(VERSION, Number.class).longValue();
        collection.updateMany(Filters.and(Filters.eq("beneficiaryId", beneficiaryId),
                        Filters.or(Filters.lt(LINK_VERSION, version), Filters.exists(LINK_VERSION, false))),
                Updates.combine(Updates.set(ACCOUNT, newest.getString("accountId")), Updates.set(LINK_VERSION, version),
                        Updates.inc(VERSION, 1L)));
    }

    /**
     * Writes {@code changed} if the stored bilan is still at {@code read}'s version, and returns it at
     * its new version; empty when someone changed it since (nothing written). The first end of the
     * action adds its outbox marker; a new fact for notification-service re-arms the notices'.
     */
    public Optional<Assessment> update(Assessment read, Assessment changed) {
        List<Bson> sets = new ArrayList<>();
        toDocument(changed).forEach((field, value) -> sets.add(Updates.set(field, value)));
        sets.add(Updates.inc(VERSION, 1L));
        if (read.actionEndTime() == null && changed.actionEndTime() != null) {
            sets.add(Updates.set(ActionEndOutbox.MARKER.field(), actionEndMarker(changed)));
        }
        if (read.evidenceDestroyTime() == null && changed.evidenceDestroyTime() != null) {
            // delivered long ago (retention-service destroys from it): its follow-up day goes with the evidence
            sets.add(Updates.unset(ActionEndOutbox.MARKER.field() + "." + ActionEndOutbox.FOLLOW_UP_DUE_DATE));
        }
        if (read.evidenceDestroyTime() == null && changed.evidenceDestroyTime() != null) {
            sets.addAll(CpfProgressOutbox.forgotten());
            // facts not told yet would tell a stub's: quality-service's evidence goes through its own purge
            sets.add(Updates.unset(BILAN_FACTS.field()));
        }
        sets.addAll(cpfProgress(read, changed));
        if (SessionNotices.anyNew(read, changed)) {
            sets.add(armed(NOTICES, read));
        }
        if (BilanFacts.changed(read, changed)) {
            sets.add(armed(BILAN_FACTS, read));
        }
        long matched = collection.updateOne(Filters.and(Filters.eq("_id", read.id()), Filters.eq(VERSION, read.version())),
                Updates.combine(sets)).getMatchedCount();
        return matched == 1 ? Optional.of(withVersion(changed, read.version() + 1)) : Optional.empty();
    }

    /** The bilan's version that armed {@code marker} (one {@link #armed} writes) in an assessment's document. */
    public static long armedVersion(OutboxMarker marker, Document assessment) {
        return assessment.get(marker.field(), Document.class).get(NOTICES_VERSION, Number.class).longValue();
    }

    /** What acknowledging the entry of {@code marker} armed at {@code version} must still find: no later change re-armed it. */
    public static Bson armedAt(OutboxMarker marker, long version) {
        return Filters.eq(marker.field() + "." + NOTICES_VERSION, version);
    }

    /**
     * The write that arms {@code marker} whole for a bilan changed from {@code read}: pending now, with the
     * bilan's new {@code version} (what the relay's acknowledgement must still find) and the {@code time}.
     */
    private Bson armed(OutboxMarker marker, Assessment read) {
        Instant now = clock.instant();
        return Updates.set(marker.field(), OutboxMarker.newPending(now)
                .append(NOTICES_VERSION, read.version() + 1).append(NOTICES_TIME, Date.from(now)));
    }

    /**
     * The writes that tell the CPF dossier of a funded bilan a new fact ({@link CpfProgress}): the
     * fact, and its outbox marker armed; none when the change makes none.
     */
    private List<Bson> cpfProgress(Assessment read, Assessment changed) {
        List<Bson> facts = new ArrayList<>();
        CpfProgress.started(changed).filter(start -> CpfProgress.started(read).isEmpty())
                .ifPresent(start -> facts.add(CpfProgressOutbox.started(changed.id(), start)));
        CpfProgress.ended(changed).filter(end -> CpfProgress.ended(read).isEmpty())
                .ifPresent(end -> facts.add(CpfProgressOutbox.ended(changed.id(), end.endTime(), end.outcome(),
                        end.delivered(), end.absences())));
        if (!facts.isEmpty()) {
            facts.addAll(CpfProgressOutbox.armed(read.version(), clock.instant()));
        }
        return facts;
    }

    /** A page of the bilans in {@code scope}, newest first, after {@code after} (create time, id). */
    public List<Assessment> page(AssessmentScope scope, Optional<Instant> afterTime, Optional<String> afterId, int size) {
        Bson filter = Filters.and(whose(scope), inStates(scope.states()));
        Bson position = afterTime.<Bson>map(time -> Filters.or(Filters.lt(CREATE_TIME, Date.from(time)),
                Filters.and(Filters.eq(CREATE_TIME, Date.from(time)), Filters.lt("_id", afterId.orElseThrow()))))
                .orElse(new Document());
        return collection.find(Filters.and(filter, position)).sort(Sorts.descending(CREATE_TIME, "_id")).limit(size)
                .map(AssessmentRepository::toAssessment).into(new ArrayList<>());
    }

    /** Whether the consultant leads a bilan of one of {@code centres}: whom a centre's managers plan for. */
    public boolean anyLedBy(String consultantId, Collection<String> centres) {
        return collection.find(Filters.and(ledBy(consultantId), inCentres(centres))).limit(1).first() != null;
    }

    /** A beneficiary's bilans (by their login) that have a session starting from {@code from}: their calendar. */
    public List<Assessment> ofAccountWithSessionsFrom(String accountId, Instant from) {
        return withSessionsFrom(ofAccount(accountId), from);
    }

    /**
     * The bilans among {@code ids} or led by {@code consultantId} now that have a session starting
     * from {@code from}: a consultant's calendar, the sessions they held in bilans since given to
     * another consultant included.
     */
    public List<Assessment> ledByOrAmongWithSessionsFrom(String consultantId, Collection<String> ids, Instant from) {
        return withSessionsFrom(Filters.or(ledBy(consultantId), Filters.in("_id", ids)), from);
    }

    private List<Assessment> withSessionsFrom(Bson whose, Instant from) {
        return collection.find(Filters.and(whose, Filters.gte("sessions.start", Date.from(from))))
                .map(AssessmentRepository::toAssessment).into(new ArrayList<>());
    }

    /** How an access to a bilan is recorded: the bilan, whose it is, in which centre. */
    public static AccessedData accessed(Assessment assessment) {
        return AccessedData.of(COLLECTION, assessment.id(), assessment.beneficiaryId(), assessment.centreId());
    }

    /** A consultant's bilans in their centres, a manager's centres', or a beneficiary's own, wherever they are. */
    private static Bson whose(AssessmentScope scope) {
        if (scope.account().isPresent()) {
            return ofAccount(scope.account().get());
        }
        Bson centres = inCentres(scope.centres());
        return scope.consultant().map(consultant -> Filters.and(ledBy(consultant), centres)).orElse(centres);
    }

    private static Bson inCentres(Collection<String> centres) {
        return Filters.in(CENTRE, centres);
    }

    private static Bson ledBy(String consultantId) {
        return Filters.eq(CONSULTANT, consultantId);
    }

    private static Bson ofAccount(String accountId) {
        return Filters.eq(ACCOUNT, accountId);
    }

    private static Bson inStates(Collection<AssessmentState> states) {
        return states.isEmpty() ? new Document() : Filters.in(STATE, states.stream().map(Enum::name).toList());
    }

    /** What retention-service needs of the end, and its delivery state (pending until acknowledged). */
    private static Document actionEndMarker(Assessment ended) {
        return ActionEndOutbox.pendingEnd(ended.id() + ":action-end",
                ended.state() == AssessmentState.ACTION_ENDED ? "COMPLETED" : ended.state().name(),
                ended.actionEndTime(), ended.followUpDueDate());
    }

    private static Assessment withVersion(Assessment a, long version) {
        return new Assessment(a.id(), a.beneficiaryId(), a.beneficiaryAccountId(), a.centreId(), a.fundingId(),
                a.format(), a.state(), a.stateReason(), a.assignments(), a.sessions(), a.personalWork(),
                a.synthesisHandoverTime(),
                a.actionEndTime(), a.followUpDueDate(), a.fundingTerms(), a.createTime(), a.evidenceDestroyTime(),
                version);
    }

    /** Every field of the bilan but its id, version, request key and outbox marker. */
    private static Document toDocument(Assessment a) {
        return new Document("beneficiaryId", a.beneficiaryId())
                .append(ACCOUNT, a.beneficiaryAccountId())
                .append(CENTRE, a.centreId())
                .append(CONSULTANT, a.consultantId().isEmpty() ? null : a.consultantId())
                .append("fundingId", a.fundingId())
                .append("format", a.format() == null ? null : a.format().name())
                .append(STATE, a.state().name())
                .append("stateReason", a.stateReason())
                .append("assignments", a.assignments().stream().map(AssessmentRepository::toDocument).toList())
                .append("sessions", a.sessions().stream().map(AssessmentRepository::toDocument).toList())
                .append(PERSONAL_WORK, a.personalWork().stream().map(AssessmentRepository::toDocument).toList())
                .append("synthesisHandoverTime", date(a.synthesisHandoverTime()))
                .append("actionEndTime", date(a.actionEndTime()))
                .append("followUpDueDate", a.followUpDueDate() == null ? null : a.followUpDueDate().toString())
                .append(FUNDING_TERMS, a.fundingTerms() == null ? null : toDocument(a.fundingTerms()))
                .append(CREATE_TIME, Date.from(a.createTime()))
                .append(EVIDENCE_DESTROY_TIME, date(a.evidenceDestroyTime()));
    }

    private static Document toDocument(FundingTerms terms) {
        FundingTerms.Funder funder = terms.funder();
        return new Document("kind", terms.kind())
                .append("funder", funder == null ? null : new Document("kind", funder.kind().name())
                        .append("name", funder.name()).append("siret", funder.siret()))
                .append("agreementSignTime", date(terms.agreementSignTime()));
    }

    private static FundingTerms toFundingTerms(Document d) {
        if (d == null) {
            return null;
        }
        Document funder = d.get("funder", Document.class);
        return new FundingTerms(d.getString("kind"), funder == null ? null
                : new FundingTerms.Funder(FundingTerms.FunderKind.valueOf(funder.getString("kind")),
                        funder.getString("name"), funder.getString("siret")),
                instant(d.getDate("agreementSignTime")));
    }

    private static Document toDocument(Assignment assignment) {
        return new Document("consultantId", assignment.consultantId())
                .append("startTime", Date.from(assignment.startTime()))
                .append("endTime", date(assignment.endTime()))
                .append("assignedBy", assignment.assignedBy());
    }

    private static Document toDocument(ScheduledSession session) {
        return new Document("id", session.id())
                .append("phase", session.phase().name())
                .append("start", Date.from(session.slot().start()))
                .append("minutes", session.slot().duration().toMinutes())
                .append("roomId", session.place().roomId())
                .append("videoLink", session.place().videoLink())
                .append("consultantId", session.consultantId())
                .append("status", session.status().name())
                .append("signatures", session.signatures().stream().map(signature -> new Document("signer",
                        signature.signer().name()).append("time", Date.from(signature.time()))
                        .append("method", signature.method())).toList())
                .append("cancelReason", session.cancelReason())
                .append("sequence", session.sequence())
                .append("changeTime", Date.from(session.changeTime()));
    }

    private static Document toDocument(PersonalWork work) {
        return new Document("id", work.id())
                .append("phase", work.phase().name())
                .append("kind", work.kind().name())
                .append("day", work.day().toString())
                .append("minutes", work.duration().toMinutes())
                .append("recordedBy", work.recordedBy())
                .append("recordTime", Date.from(work.recordTime()));
    }

    private static PersonalWork toPersonalWork(Document d) {
        return new PersonalWork(d.getString("id"), Phase.valueOf(d.getString("phase")),
                PersonalWorkKind.valueOf(d.getString("kind")), LocalDate.parse(d.getString("day")),
                Duration.ofMinutes(d.get("minutes", Number.class).longValue()), d.getString("recordedBy"),
                d.getDate("recordTime").toInstant());
    }

    /** A bilan as its document holds it, for the outbox that reads the documents themselves. */
    public static Assessment fromDocument(Document d) {
        return toAssessment(d);
    }

    private static Assessment toAssessment(Document d) {
        Instant createTime = d.getDate(CREATE_TIME).toInstant();
        return new Assessment(d.getString("_id"), d.getString("beneficiaryId"), d.getString(ACCOUNT),
                d.getString(CENTRE), d.getString("fundingId"),
                d.getString("format") == null ? null : DeliveryFormat.valueOf(d.getString("format")),
                AssessmentState.valueOf(d.getString(STATE)), d.getString("stateReason"),
                d.getList("assignments", Document.class).stream().map(AssessmentRepository::toAssignment).toList(),
                d.getList("sessions", Document.class).stream().map(session -> toSession(session, createTime)).toList(),
                d.getList(PERSONAL_WORK, Document.class, List.of()).stream().map(AssessmentRepository::toPersonalWork)
                        .toList(),
                instant(d.getDate("synthesisHandoverTime")), instant(d.getDate("actionEndTime")),
                d.getString("followUpDueDate") == null ? null : LocalDate.parse(d.getString("followUpDueDate")),
                toFundingTerms(d.get(FUNDING_TERMS, Document.class)),
                createTime, instant(d.getDate(EVIDENCE_DESTROY_TIME)), d.getLong(VERSION));
    }

    private static Assignment toAssignment(Document d) {
        return new Assignment(d.getString("consultantId"), d.getDate("startTime").toInstant(),
                instant(d.getDate("endTime")), d.getString("assignedBy"));
    }

    /** Sessions stored before their changes were counted read as unchanged since the bilan was opened. */
    private static ScheduledSession toSession(Document d, Instant bilanCreateTime) {
        Place place = d.getString("roomId") != null ? Place.room(d.getString("roomId"))
                : Place.video(d.getString("videoLink"));
        return new ScheduledSession(d.getString("id"), Phase.valueOf(d.getString("phase")),
                new Slot(d.getDate("start").toInstant(), Duration.ofMinutes(d.get("minutes", Number.class).longValue())),
                place, d.getString("consultantId"), SessionStatus.valueOf(d.getString("status")),
                d.getList("signatures", Document.class).stream().map(s -> new AttendanceSignature(
                        Signer.valueOf(s.getString("signer")), s.getDate("time").toInstant(), s.getString("method")))
                        .toList(),
                d.getString("cancelReason"), d.getInteger("sequence", 0),
                Optional.ofNullable(instant(d.getDate("changeTime"))).orElse(bilanCreateTime));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
