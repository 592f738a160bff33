package fr.bilan.synthesis.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import fr.bilan.support.mongo.Inserts;

/**
 * One AES-256 data key per bilan (assessment), stored wrapped by a master key (with that key's id) in MongoDB
 * collection {@code assessment_keys}, one document per bilan under its id. Destroying it is the
 * crypto-shredding retention-service relies on: every sealed copy (object versions, backups of the
 * bucket) becomes noise, wherever it lies. The key is read from the database at each use, not kept
 * in memory, so that a destruction on one replica holds on all of them at once.
 */
public final class DataKeys {

    static final String COLLECTION = "assessment_keys";
    /** The version of a bilan's data key, written in every sealed header: one key per bilan so far. */
    static final int KEY_VERSION = 1;
    static final String ID = "_id";
    static final String WRAPPED_KEY = "wrappedKey";
    static final String MASTER_KEY_ID = "masterKeyId";
    static final String VERSION = "keyVersion";
    static final String CREATE_TIME = "createTime";
    static final String DESTROY_TIME = "destroyTime";
    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;
    private final MasterKeys masterKeys;
    private final Clock clock;

    public DataKeys(MongoDatabase database, MasterKeys masterKeys, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /**
     * The bilan's key, created on first use. Two first uses at once agree on one key: each inserts
     * its own under the bilan's id, the unique {@code _id} lets one in, and the other reads the winner.
     *
     * @throws KeyDestroyed after {@link #destroy}
     */
    public SecretKey keyOf(String assessmentId) {
        requireId(assessmentId);
        Document stored = keys.find(Filters.eq(ID, assessmentId)).first();
        if (stored == null) {
            stored = create(assessmentId);
        }
        return usable(assessmentId, stored);
    }

    /**
     * Crypto-shredding: forgets the wrapped key for good, keeping a tombstone (the id, the creation
     * and destruction times, no key material) so that the bilan never gets a new key, and the
     * destruction can be proven. True the first time, false after (also for a bilan that never had a
     * key: the tombstone keeps one from being created).
     */
    public boolean destroy(String assessmentId) {
        requireId(assessmentId);
        Bson live = Filters.and(Filters.eq(ID, assessmentId), Filters.exists(DESTROY_TIME, false));
        Bson shred = Updates.combine(Updates.set(DESTROY_TIME, Date.from(clock.instant())),
                Updates.unset(WRAPPED_KEY), Updates.unset(MASTER_KEY_ID), Updates.unset(VERSION));
        try {
            // no live key: the upsert writes the tombstone, or collides with the one already there
            UpdateResult result = keys.updateOne(live, shred, new UpdateOptions().upsert(true));
            boolean destroyed = result.getModifiedCount() > 0 || result.getUpsertedId() != null;
            if (destroyed) {
                log.info("Data key of bilan {} destroyed", assessmentId);
            }
            return destroyed;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** When the bilan's key was destroyed; empty while it lives (or was never made). */
    public Optional<Instant> destroyTime(String assessmentId) {
        Document stored = keys.find(Filters.eq(ID, assessmentId)).first();
        return Optional.ofNullable(stored).map(d -> d.getDate(DESTROY_TIME)).map(Date::toInstant);
    }

    /**
     * Rewraps under the current master key every data key wrapped by another key of the keyring, so
     * that the older key can then leave the keyring; the number rewrapped. Keys in use are rewrapped
     * when read anyway; this reaches the bilans nobody reads. Keys wrapped by an id the keyring lacks
     * are left alone ({@link #unknownMasterKeyIds()} names them).
     */
    public int rewrapToCurrent() {
        Set<String> older = new HashSet<>(masterKeys.ids());
        older.remove(masterKeys.currentId());
        if (older.isEmpty()) {
            return 0;
        }
        int rewrapped = 0;
        for (Document stored : keys.find(Filters.and(Filters.exists(WRAPPED_KEY), Filters.in(MASTER_KEY_ID, older)))) {
            usable(stored.getString(ID), stored);
            rewrapped++;
        }
        return rewrapped;
    }

    /**
     * The ids of the master keys that wrapped stored data keys but are not in the keyring: the
     * documents of those bilans cannot be opened until the key is back.
     */
    public Set<String> unknownMasterKeyIds() {
        Set<String> unknown = new TreeSet<>();
        keys.distinct(MASTER_KEY_ID, Filters.exists(WRAPPED_KEY), String.class).forEach(id -> {
            if (id == null || !masterKeys.ids().contains(id)) {
                unknown.add(String.valueOf(id));
            }
        });
        return unknown;
    }

    private Document create(String assessmentId) {
        byte[] raw = new byte[MasterKeys.KEY_BYTES];
        RANDOM.nextBytes(raw);
        MasterKeys.Wrapped wrapped = masterKeys.wrap(assessmentId, new SecretKeySpec(raw, "AES"));
        Document created = new Document(ID, assessmentId)
                .append(VERSION, KEY_VERSION)
                .append(MASTER_KEY_ID, wrapped.masterKeyId())
                .append(WRAPPED_KEY, new Binary(wrapped.bytes()))
                .append(CREATE_TIME, Date.from(clock.instant()));
        if (Inserts.insertIfNew(keys, created)) {
            return created;
        }
        // another first use won (or a destruction came first): its document is the bilan's
        Document winner = keys.find(Filters.eq(ID, assessmentId)).first();
        if (winner == null) {
            throw new IllegalStateException("The key of bilan " + assessmentId + " vanished while it was created");
        }
        return winner;
    }

    private SecretKey usable(String assessmentId, Document stored) {
        if (stored.containsKey(DESTROY_TIME)) {
            throw new KeyDestroyed(assessmentId);
        }
        String masterKeyId = stored.getString(MASTER_KEY_ID);
        SecretKey key = masterKeys.unwrap(assessmentId,
                new MasterKeys.Wrapped(masterKeyId, stored.get(WRAPPED_KEY, Binary.class).getData()));
        if (!masterKeys.isCurrent(masterKeyId)) {
            rewrap(assessmentId, masterKeyId, key);
        }
        return key;
    }

    /** Only over the very wrapping read, and never over a tombstone: a destruction in between wins. */
    private void rewrap(String assessmentId, String olderId, SecretKey key) {
        MasterKeys.Wrapped wrapped = masterKeys.wrap(assessmentId, key);
        keys.updateOne(Filters.and(Filters.eq(ID, assessmentId), Filters.eq(MASTER_KEY_ID, olderId),
                        Filters.exists(DESTROY_TIME, false)),
                Updates.combine(Updates.set(MASTER_KEY_ID, wrapped.masterKeyId()),
                        Updates.set(WRAPPED_KEY, new Binary(wrapped.bytes()))));
        log.debug("Data key of bilan {} rewrapped from master key {} to {}", assessmentId, olderId, wrapped.masterKeyId());
    }

    private static void requireId(String assessmentId) {
        if (assessmentId == null || assessmentId.isBlank()) {
            throw new IllegalArgumentException("A data key belongs to a bilan: its id is required");
        }
    }
}
