package fr.bilan.synthesis.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.synthesis.content.Synthesis.Author;
import fr.bilan.synthesis.content.Synthesis.FinalDocument;
import fr.bilan.synthesis.content.Synthesis.State;
import fr.bilan.synthesis.storage.RecordedObjects;
import fr.bilan.synthesis.vault.Sealing;

/**
 * The syntheses ({@code syntheses}, one document per bilan, {@code _id} its id) and the revisions
 * of their drafts ({@code synthesis_revisions}). The text is stored sealed with the bilan's key
 * (content and observations, bound to their bilan and revision), so destroying the key destroys
 * every copy, backups included. Each change is one single-document write at the version read
 * ({@code v}): no transaction needed, and a concurrent change is refused, never merged. A save
 * first files the revision it replaces, so history loses nothing if the save then fails, and a
 * revision filed twice is the same document. The outbox entries (the stored PDF to register with
 * retention-service, the synthèse available to tell notification-service, the hand-over to report
 * to session-service) are written in the same update as the change that makes them. The content is stored as the contract's message ({@link ContentMessages}),
 * the format syntheses were always sealed in.
 */
public class SynthesisRepository implements RecordedObjects {

    static final String COLLECTION = "syntheses";
    static final String REVISIONS = "synthesis_revisions";
    public static final OutboxMarker DOCUMENT = new OutboxMarker("document");
    public static final OutboxMarker HANDOVER = new OutboxMarker("handover");
    /** The final synthèse the beneficiary may download, to tell notification-service: {@code eventId}, {@code availableTime}. */
    public static final OutboxMarker AVAILABLE = new OutboxMarker("available");
    public static final String AVAILABLE_TIME = "availableTime";

    private static final String VERSION = "v";
    public static final String BENEFICIARY = "beneficiaryId";
    public static final String CENTRE = "centreId";
    private static final String STATE = "state";
    private static final String REVISION = "revision";
    private static final String AUTHOR = "author";
    private static final String CONTENT = "content";
    private static final String OBSERVATIONS = "observations";
    private static final String UPDATE_TIME = "updateTime";
    private static final String FINALIZE_TIME = "finalizeTime";
    private static final String ASSESSMENT = "assessmentId";
    public static final String CREATE_TIME = "createTime";
    public static final String OBJECT_KEY = "objectKey";
    public static final String SHA256 = "sha256";
    static final String PLAIN_SIZE = "plainSize";
    public static final String STORED_SIZE = "storedSize";
    static final String DOCUMENT_VERSION = "version";
    public static final String EVENT_ID = "eventId";
    public static final String HANDOVER_TIME = "handoverTime";

    private final MongoCollection<Document> syntheses;
    private final MongoCollection<Document> revisions;
    private final Sealing sealing;

    public SynthesisRepository(MongoDatabase database, Sealing sealing) {
        this.syntheses = database.getCollection(COLLECTION);
        this.revisions = database.getCollection(REVISIONS);
        this.sealing = sealing;
        // the reconciler asks, per object of the bucket, whether a synthèse records it
        syntheses.createIndex(Indexes.ascending(DOCUMENT.field() + "." + OBJECT_KEY));
        revisions.createIndex(Indexes.ascending(ASSESSMENT, REVISION));
    }

    public MongoCollection<Document> syntheses() {
        return syntheses;
    }

    /**
     * The bilan's synthèse; empty while nothing was written for it.
     *
     * @throws KeyDestroyed when there is none because the purge erased it with the bilan's key: what
     *                      was destroyed reads as destroyed, never as not written yet
     */
    public Optional<Synthesis> find(String assessmentId) {
        Document stored = syntheses.find(Filters.eq("_id", assessmentId)).first();
        if (stored == null) {
            sealing.requireLiveKey(assessmentId);
            return Optional.empty();
        }
        return Optional.of(read(stored));
    }

    /**
     * Saves {@code changed}, the next revision of the draft {@code read} (the stored one, or
     * {@link Synthesis#empty}), refused as a {@link Conflict} when it changed since it was read.
     */
    public Synthesis save(Synthesis read, Synthesis changed) {
        String id = changed.assessmentId();
        long revision = changed.revision();
        Document fields = new Document(BENEFICIARY, changed.beneficiaryId()).append(CENTRE, changed.centreId())
                .append(STATE, State.DRAFT.name())
                .append(VERSION, changed.version())
                .append(REVISION, revision)
                .append(AUTHOR, stored(changed.author()))
                .append(CONTENT, seal(id, CONTENT, revision, ContentMessages.toBytes(changed.content())))
                .append(OBSERVATIONS, seal(id, OBSERVATIONS, revision, changed.observations().getBytes(
                        StandardCharsets.UTF_8)))
                .append(UPDATE_TIME, Date.from(changed.updateTime()));
        if (read.version() == 0) {
            try {
                Document created = new Document("_id", id).append(CREATE_TIME, Date.from(changed.updateTime()));
                created.putAll(fields);
                syntheses.insertOne(created);
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    throw changedMeanwhile();
                }
                throw e;
            }
        } else {
            fileRevision(read);
            var result = syntheses.updateOne(atVersion(read, Filters.eq(STATE, State.DRAFT.name())),
                    new Document("$set", fields));
            if (result.getMatchedCount() == 0) {
                throw changedMeanwhile();
            }
        }
        return find(id).orElseThrow();
    }

    /**
     * Writes {@code done}, the draft {@code read} made final with its stored PDF, pending registration
     * with retention-service and the notice of its availability to notification-service; a
     * {@link Conflict} when the draft changed since it was read.
     */
    public Synthesis makeFinal(Synthesis read, Synthesis done) {
        FinalDocument document = done.document();
        // an event id of its own, kept for every redelivery: the object key is longer than the 64
        // characters retention-service takes as an id
        Document stored = OutboxMarker.newPending(done.finalizeTime())
                .append(EVENT_ID, UUID.randomUUID().toString())
                .append(DOCUMENT_VERSION, document.version())
                .append(OBJECT_KEY, document.objectKey())
                .append(SHA256, document.sha256())
                .append(PLAIN_SIZE, document.plainSize())
                .append(STORED_SIZE, document.storedSize())
                .append(CREATE_TIME, Date.from(document.createTime()));
        var result = syntheses.updateOne(atVersion(read, Filters.eq(STATE, State.DRAFT.name())),
                Updates.combine(Updates.set(STATE, State.FINAL.name()), Updates.set(VERSION, done.version()),
                        Updates.set(FINALIZE_TIME, Date.from(done.finalizeTime())), Updates.set(DOCUMENT.field(), stored),
                        Updates.set(AVAILABLE.field(), OutboxMarker.newPending(done.finalizeTime())
                                .append(EVENT_ID, UUID.randomUUID().toString())
                                .append(AVAILABLE_TIME, Date.from(done.finalizeTime())))));
        if (result.getMatchedCount() == 0) {
            throw changedMeanwhile();
        }
        return find(read.assessmentId()).orElseThrow();
    }

    /**
     * Records the hand-over of {@code handedOver}, pending its report to session-service, unless one is
     * recorded already: the first download is the hand-over. True when this call recorded it.
     */
    public boolean recordHandover(Synthesis handedOver) {
        Instant now = handedOver.handoverTime();
        String assessmentId = handedOver.assessmentId();
        Document handover = OutboxMarker.newPending(now).append(EVENT_ID, UUID.randomUUID().toString())
                .append(HANDOVER_TIME, Date.from(now));
        return syntheses.updateOne(Filters.and(Filters.eq("_id", assessmentId),
                        Filters.eq(STATE, State.FINAL.name()), Filters.exists(HANDOVER.field(), false)),
                Updates.combine(Updates.set(HANDOVER.field(), handover), Updates.inc(VERSION, 1L)))
                .getModifiedCount() == 1;
    }

    /**
     * The revisions before {@code current}'s, newest first, from below {@code beforeRevision}, at
     * most {@code limit}; the current one itself is {@code current}.
     */
    public List<Synthesis> revisionsBefore(Synthesis current, long beforeRevision, int limit) {
        List<Synthesis> found = new ArrayList<>();
        revisions.find(Filters.and(Filters.eq(ASSESSMENT, current.assessmentId()),
                        Filters.lt(REVISION, Math.min(beforeRevision, current.revision()))))
                .sort(Sorts.descending(REVISION)).limit(limit)
                .forEach(revision -> found.add(read(revision.append("_id", current.assessmentId()))));
        return found;
    }

    /**
     * Deletes the bilan's synthèse (with the outbox entries it carries) and every revision filed for
     * it: the number of documents deleted, 0 when there were none left.
     */
    public long erase(String assessmentId) {
        return syntheses.deleteOne(Filters.eq("_id", assessmentId)).getDeletedCount()
                + revisions.deleteMany(Filters.eq(ASSESSMENT, assessmentId)).getDeletedCount();
    }

    @Override
    public boolean isRecorded(String objectKey) {
        return syntheses.countDocuments(Filters.eq(DOCUMENT.field() + "." + OBJECT_KEY, objectKey)) > 0;
    }

    /** Files {@code read}'s revision as history: the same document however many times it is filed. */
    private void fileRevision(Synthesis read) {
        Document stored = syntheses.find(Filters.eq("_id", read.assessmentId())).first();
        if (stored == null || stored.getLong(REVISION) != read.revision()) {
            return;
        }
        Document revision = new Document("_id", read.assessmentId() + ":" + read.revision())
                .append(ASSESSMENT, read.assessmentId())
                .append(REVISION, read.revision())
                .append(AUTHOR, stored.getString(AUTHOR))
                .append(CONTENT, stored.get(CONTENT))
                .append(OBSERVATIONS, stored.get(OBSERVATIONS))
                .append(UPDATE_TIME, stored.getDate(UPDATE_TIME));
        revisions.replaceOne(Filters.eq("_id", revision.getString("_id")), revision, new ReplaceOptions().upsert(true));
    }

    private static Bson atVersion(Synthesis read, Bson also) {
        return Filters.and(Filters.eq("_id", read.assessmentId()), Filters.eq(VERSION, read.version()), also);
    }

    private Binary seal(String assessmentId, String part, long revision, byte[] plain) {
        return new Binary(sealing.seal(assessmentId, plain, context(assessmentId, part, revision)));
    }

    private byte[] open(String assessmentId, String part, long revision, Document document) {
        return sealing.open(assessmentId, document.get(part, Binary.class).getData(),
                context(assessmentId, part, revision));
    }

    /** Binds a sealed text to its bilan, part and revision: a blob moved elsewhere does not open. */
    private static String context(String assessmentId, String part, long revision) {
        return "syntheses/" + assessmentId + "/" + part + "/" + revision;
    }

    private Synthesis read(Document document) {
        String id = document.getString("_id");
        long revision = document.getLong(REVISION);
        Content content = ContentMessages.fromBytes(open(id, CONTENT, revision, document), id + " revision " + revision);
        String observations = new String(open(id, OBSERVATIONS, revision, document),
                StandardCharsets.UTF_8);
        Document stored = document.get(DOCUMENT.field(), Document.class);
        Document handover = document.get(HANDOVER.field(), Document.class);
        return new Synthesis(id, document.getString(BENEFICIARY), document.getString(CENTRE),
                State.valueOf(document.get(STATE, State.DRAFT.name())),
                document.get(VERSION, 0L), revision, author(document.getString(AUTHOR)), content,
                observations, instant(document, UPDATE_TIME), instant(document, FINALIZE_TIME),
                stored == null ? null : new FinalDocument(stored.getInteger(DOCUMENT_VERSION), stored.getString(OBJECT_KEY),
                        stored.getString(SHA256), stored.getLong(PLAIN_SIZE), stored.getLong(STORED_SIZE),
                        instant(stored, CREATE_TIME)),
                handover == null ? null : instant(handover, HANDOVER_TIME));
    }

    /** The author as stored since the first synthèse: the contract's enum names. */
    private static String stored(Author author) {
        return author == Author.BENEFICIARY ? "BENEFICIARY_AUTHOR" : "CONSULTANT_AUTHOR";
    }

    private static Author author(String stored) {
        return "BENEFICIARY_AUTHOR".equals(stored) ? Author.BENEFICIARY : Author.CONSULTANT;
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Conflict changedMeanwhile() {
        return new Conflict(Synthesis.STALE);
    }
}
