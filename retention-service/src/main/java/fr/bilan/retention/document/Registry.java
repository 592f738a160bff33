package fr.bilan.retention.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.bilan.retention.rules.Decision;

/**
 * The schedule kept on each entry of {@code documents}, which the clock writes and the purge reads:
 * {@code form} ({@code object} or {@code content}), {@code state} ({@link DestructionState}),
 * {@code dueTime}, {@code ruleId}, {@code ruleVersion}, {@code regime}, {@code held}, {@code rules}
 * (the rule book's fingerprint decided under), {@code stale} and {@code marks}, and once destroyed
 * {@code destroyTime} and {@code runId} (its certificate is found by its identity's hash); failed
 * attempts in {@code failures},
 * {@code lastFailure}, {@code lastAttemptTime}.
 * <p>
 * Without transactions, an event (an action end, a consent, a hold) and the decisions it changes are
 * two writes: the event marks the entries it concerns ({@code stale}, {@code marks} + 1) in the same
 * request that takes it in, before acknowledging, so a crash leaves a mark, never a forgotten
 * event; a decision is written only where {@code marks} has not moved since it was read, so an event
 * arriving during a decision leaves the entry marked for the next one. The stored due time only
 * indexes the purge's search: the purge decides again on the facts before destroying anything.
 */
@Repository
public class Registry {

    static final String FORM = "form";
    static final String OBJECT = "object";
    static final String CONTENT = "content";
    static final String STATE = "state";
    static final String DUE = "dueTime";
    static final String RULE = "ruleId";
    static final String RULE_VERSION = "ruleVersion";
    static final String HELD = "held";
    static final String STALE = "stale";
    static final String MARKS = "marks";
    static final String RULES = "rules";
    static final String DESTROY_TIME = "destroyTime";
    private static final String FAILURES = "failures";
    private static final String LAST_FAILURE = "lastFailure";
    private static final String LAST_ATTEMPT = "lastAttemptTime";
    private static final Bson PENDING = Filters.ne(STATE, DestructionState.DESTROYED.name());

    /** A decision to write on an entry read with {@code marks}; empty while its bilan's action runs. */
    public record Scheduling(RegisteredDocument entry, Optional<Decision> decision) {
    }

    private final MongoCollection<Document> documents;

    public Registry(MongoDatabase database) {
        this.documents = database.getCollection(StoredDocuments.COLLECTION);
        documents.createIndex(Indexes.ascending(STATE, DUE, "_id"));
        documents.createIndex(Indexes.ascending(StoredDocuments.BENEFICIARY));
        documents.createIndex(Indexes.ascending(STALE));
    }

    /** The schedule fields of a new entry: nothing decided yet, marked for a decision. */
    static Document unscheduled(String form) {
        return new Document(FORM, form).append(STATE, DestructionState.AWAITING_ACTION_END.name()).append(STALE, true)
                .append(MARKS, 0L).append(FAILURES, 0);
    }

    static String contentId(String holder, String assessmentId) {
        return "content:" + holder + ":" + assessmentId;
    }

    /** Marks the bilan's entries not yet destroyed for a new decision (an action end, a hold). */
    public void markAssessment(String assessmentId) {
        mark(Filters.eq(StoredDocuments.ASSESSMENT, assessmentId));
    }

    /** Marks the beneficiary's entries not yet destroyed for a new decision (a consent changed). */
    public void markBeneficiary(String beneficiaryId) {
        mark(Filters.eq(StoredDocuments.BENEFICIARY, beneficiaryId));
    }

    /** Marks every entry decided under other rules than {@code rules} (a new rule book deployed). */
    public long markDecidedUnderOtherRules(String rules) {
        return mark(Filters.and(Filters.exists(RULE), Filters.ne(RULES, rules)));
    }

    private long mark(Bson filter) {
        return documents.updateMany(Filters.and(filter, PENDING), Updates.combine(Updates.set(STALE, true),
                Updates.inc(MARKS, 1L))).getModifiedCount();
    }

    /** Up to {@code limit} bilans with marked entries: assessment id → beneficiary id. */
    public Map<String, String> markedAssessments(int limit) {
        Map<String, String> marked = new LinkedHashMap<>();
        for (Document entry : documents.find(Filters.eq(STALE, true))
                .projection(Projections.include(StoredDocuments.ASSESSMENT, StoredDocuments.BENEFICIARY)).limit(limit)) {
            marked.putIfAbsent(entry.getString(StoredDocuments.ASSESSMENT), entry.getString(StoredDocuments.BENEFICIARY));
        }
        return marked;
    }

    /** Every entry of the bilan, destroyed ones included (the schedule orders them by the due dates it decides). */
    public List<RegisteredDocument> allOf(String assessmentId) {
        return documents.find(Filters.eq(StoredDocuments.ASSESSMENT, assessmentId)).sort(Sorts.ascending("_id"))
                .map(RegisteredDocument::of).into(new ArrayList<>());
    }

    /** The bilans' entries not destroyed yet. */
    public List<RegisteredDocument> pendingOf(Collection<String> assessmentIds) {
        return documents.find(Filters.and(Filters.in(StoredDocuments.ASSESSMENT, assessmentIds), PENDING))
                .map(RegisteredDocument::of).into(new ArrayList<>());
    }

    /**
     * Writes the decisions, each only where no mark came in since its entry was read; clears the
     * mark. Returns how many were written.
     */
    public int writeSchedule(List<Scheduling> schedulings, String rules, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Scheduling scheduling : schedulings) {
            RegisteredDocument entry = scheduling.entry();
            Bson update = scheduling.decision().map(decision -> Updates.combine(
                    Updates.set(STATE, DestructionState.SCHEDULED.name()),
                    Updates.set(DUE, Date.from(decision.dueTime().orElseThrow())), Updates.set(RULE, decision.rule().id()),
                    Updates.set(RULE_VERSION, decision.rule().version()), Updates.set("regime", decision.regimeId()),
                    Updates.set(HELD, decision.held()), Updates.set(RULES, rules), Updates.set(STALE, false),
                    Updates.set("decideTime", Date.from(now))))
                    .orElse(Updates.combine(Updates.set(STATE, DestructionState.AWAITING_ACTION_END.name()),
                            Updates.unset(DUE), Updates.set(STALE, false), Updates.set("decideTime", Date.from(now))));
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", entry.id()), Filters.eq(MARKS, entry.marks()),
                    PENDING), update));
        }
        return writes.isEmpty() ? 0 : documents.bulkWrite(writes).getModifiedCount();
    }

    /**
     * The scheduled entries due at {@code now}, of one form (stored objects, or holders' content), in
     * (due time, id) order: one search the purge walks batch by batch. An entry it destroys leaves
     * the search's range ({@code state}), so the walk never meets it again; one that failed stays
     * behind it, for the next run.
     */
    public MongoIterable<RegisteredDocument> due(Instant now, boolean content, int batchSize) {
        return documents.find(Filters.and(Filters.eq(STATE, DestructionState.SCHEDULED.name()),
                Filters.lte(DUE, Date.from(now)), Filters.eq(FORM, content ? CONTENT : OBJECT)))
                .sort(Sorts.ascending(DUE, "_id")).batchSize(batchSize).map(RegisteredDocument::of);
    }

    /** How many stored objects of the bilan at {@code holder} are not destroyed yet. */
    public long objectsLeft(String holder, String assessmentId) {
        return documents.countDocuments(Filters.and(Filters.eq(StoredDocuments.ASSESSMENT, assessmentId),
                Filters.eq(StoredDocuments.HOLDER, holder), Filters.eq(FORM, OBJECT), PENDING));
    }

    /**
     * Records the destruction of a purge batch, in one request of updates by {@code _id} alone (each
     * an index lookup, where an {@code $in} makes the embedded store scan): only the purge
     * marks entries destroyed, one run at a time (its lock), and it found them scheduled; and a filter
     * on {@code _id} and the state would make the embedded store scan the whole collection (it uses
     * an index only for a query on its keys alone). Their certificates are found by their identity.
     */
    public void markDestroyed(Collection<String> ids, Instant destroyTime, String runId) {
        if (ids.isEmpty()) {
            return;
        }
        Bson destroyed = Updates.combine(Updates.set(STATE, DestructionState.DESTROYED.name()),
                Updates.set(DESTROY_TIME, Date.from(destroyTime)), Updates.set("runId", runId), Updates.set(STALE, false),
                Updates.unset(LAST_FAILURE));
        documents.bulkWrite(ids.stream().<WriteModel<Document>>map(id -> new UpdateOneModel<>(Filters.eq("_id", id),
                destroyed)).toList(), new BulkWriteOptions().ordered(false));
    }

    /** Records failed attempts: the entries stay due, for the next run. */
    public void recordFailures(Map<String, String> reasons, Instant now) {
        if (reasons.isEmpty()) {
            return;
        }
        documents.bulkWrite(reasons.entrySet().stream().<WriteModel<Document>>map(failed -> new UpdateOneModel<>(
                Filters.eq("_id", failed.getKey()), Updates.combine(Updates.inc(FAILURES, 1),
                        Updates.set(LAST_FAILURE, failed.getValue()), Updates.set(LAST_ATTEMPT, Date.from(now))))).toList());
    }

    /** Scheduled entries due at or before {@code dueBy}, held by a legal hold or not. */
    public long countDue(Instant dueBy, boolean held) {
        return documents.countDocuments(Filters.and(Filters.eq(STATE, DestructionState.SCHEDULED.name()),
                Filters.lte(DUE, Date.from(dueBy)), Filters.eq(HELD, held)));
    }
}
