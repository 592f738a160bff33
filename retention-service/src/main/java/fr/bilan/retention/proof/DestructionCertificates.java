package fr.bilan.retention.proof;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.mongo.Inserts;

/**
 * The destruction certificates, append-only, one hash chain per centre: collection
 * {@code destruction_certificates}, {@code _id} = certificate id, with the fields of
 * {@link DestructionCertificate} (instants as dates). Nothing here updates or deletes. Two unique
 * indexes do the work transactions would: {@code (centreId, sequence)} lets one of two racing
 * appenders take a sequence, the other re-reads the head and tries the next; {@code documentHash}
 * certifies a document once, so a purge retried after a crash gets the certificate it already had.
 */
@Repository
public class DestructionCertificates {

    public static final String COLLECTION = "destruction_certificates";
    /**
     * Every lost attempt is another appender's success, so a purge's few workers need a handful; the
     * bound turns a chain that cannot be appended to (a corrupt head) into an error, not a spin.
     */
    static final int MAX_ATTEMPTS = 100;

    private static final String CENTRE = "centreId";
    private static final String SEQUENCE = "sequence";
    private static final String DOCUMENT = "documentHash";
    private static final String CERTIFIED_AT = "certifiedAt";

    private final MongoCollection<Document> certificates;
    private final Clock clock;

    public DestructionCertificates(MongoDatabase database, Clock clock) {
        this.certificates = database.getCollection(COLLECTION);
        this.clock = clock;
        certificates.createIndex(Indexes.ascending(CENTRE, SEQUENCE), new IndexOptions().unique(true));
        certificates.createIndex(Indexes.ascending(DOCUMENT), new IndexOptions().unique(true));
        certificates.createIndex(Indexes.ascending(CENTRE, CERTIFIED_AT));
    }

    /**
     * Certifies {@code destruction} at the end of its centre's chain; when its document was
     * certified already, returns that certificate, appending nothing (whatever the run or times).
     */
    public DestructionCertificate append(Destruction destruction) {
        String documentHash = destruction.document().hash();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            DestructionCertificate existing = certificateOf(documentHash);
            if (existing != null) {
                return existing;
            }
            DestructionCertificate next = DestructionCertificate.after(head(destruction.centreId()), destruction,
                    clock.instant());
            if (Inserts.insertIfNew(certificates, toDocument(next))) {
                return next;
            }
            // another appender took the sequence (or certified this document): a short random pause
            // keeps the losers from colliding again in lock step
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(50, 500)));
        }
        throw new IllegalStateException("could not append to centre " + destruction.centreId() + "'s chain in "
                + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Certifies a purge's batch: per centre, the documents are chained in memory from the head and
     * inserted in one ordered request, with no search first. The insert stops at the first clash,
     * what went before it being a valid piece of the chain: a document certified already (by a run
     * cut short after certifying it) or a head another appender moved. The rest are then appended one
     * by one, each getting the certificate it already had, if any.
     *
     * @param heads each centre's head as this caller last left it (read when absent, kept up to
     *              date): a run's batches then chain on without searching the chain for its head
     */
    public void appendAll(List<Destruction> destructions, Map<String, Anchor> heads) {
        Map<String, List<Destruction>> byCentre = new LinkedHashMap<>();
        destructions.forEach(destruction -> byCentre.computeIfAbsent(destruction.centreId(), centre -> new ArrayList<>())
                .add(destruction));
        byCentre.forEach((centre, batch) -> {
            List<DestructionCertificate> chained = new ArrayList<>(batch.size());
            Anchor previous = heads.computeIfAbsent(centre, this::head);
            Instant now = clock.instant();
            for (Destruction destruction : batch) {
                DestructionCertificate next = DestructionCertificate.after(previous, destruction, now);
                chained.add(next);
                previous = next.asAnchor();
            }
            int inserted = insertInOrder(chained);
            if (inserted > 0) {
                heads.put(centre, chained.get(inserted - 1).asAnchor());
            }
            if (inserted < chained.size()) {
                heads.remove(centre);
                batch.subList(inserted, batch.size()).forEach(this::append);
            }
        });
    }

    /** Inserts in order up to the first clash; returns how many went in. */
    private int insertInOrder(List<DestructionCertificate> chained) {
        if (chained.isEmpty()) {
            return 0;
        }
        try {
            certificates.insertMany(chained.stream().map(DestructionCertificates::toDocument).toList(),
                    new InsertManyOptions().ordered(true));
            return chained.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteErrors().get(0).getIndex();
        }
    }

    /** The last entry of {@code centreId}'s chain, or {@link Anchor#GENESIS} before the first. */
    public Anchor head(String centreId) {
        return lastOf(Filters.eq(CENTRE, centreId));
    }

    /** The whole chain of {@code centreId}, in sequence order, read as it is walked. */
    public MongoIterable<DestructionCertificate> chainOf(String centreId) {
        return certificates.find(Filters.eq(CENTRE, centreId)).sort(Sorts.ascending(SEQUENCE))
                .map(DestructionCertificates::fromDocument);
    }

    /**
     * Walks {@code centreId}'s whole chain as stored, from its first entry, up to its end or its
     * first break.
     */
    public ChainVerification verifyChain(String centreId) {
        // closed even when the walk stops at a break, before the end of the chain
        try (MongoCursor<DestructionCertificate> chain = chainOf(centreId).iterator()) {
            return CertificateChain.verify(centreId, Anchor.GENESIS, () -> chain);
        }
    }

    /**
     * The entries of {@code centreId} certified in [{@code from}, {@code to}), in sequence order:
     * one contiguous piece of its chain, since certification times never go back.
     */
    public MongoIterable<DestructionCertificate> certifiedBetween(String centreId, Instant from, Instant to) {
        return certificates.find(Filters.and(Filters.eq(CENTRE, centreId), Filters.gte(CERTIFIED_AT, Date.from(from)),
                Filters.lt(CERTIFIED_AT, Date.from(to)))).sort(Sorts.ascending(SEQUENCE))
                .map(DestructionCertificates::fromDocument);
    }

    /** The entry a piece certified from {@code from} on hangs from: the last one certified before. */
    public Anchor anchorBefore(String centreId, Instant from) {
        return lastOf(Filters.and(Filters.eq(CENTRE, centreId), Filters.lt(CERTIFIED_AT, Date.from(from))));
    }

    private Anchor lastOf(Bson filter) {
        Document last = certificates.find(filter).sort(Sorts.descending(SEQUENCE)).first();
        return last == null ? Anchor.GENESIS : fromDocument(last).asAnchor();
    }

    private DestructionCertificate certificateOf(String documentHash) {
        Document found = certificates.find(Filters.eq(DOCUMENT, documentHash)).first();
        return found == null ? null : fromDocument(found);
    }

    private static Document toDocument(DestructionCertificate certificate) {
        return new Document("_id", certificate.id())
                .append(CENTRE, certificate.centreId())
                .append(SEQUENCE, certificate.sequence())
                .append(DOCUMENT, certificate.documentHash())
                .append("kind", certificate.kind())
                .append("ruleId", certificate.ruleId())
                .append("ruleVersion", certificate.ruleVersion())
                .append("dueAt", Date.from(certificate.dueAt()))
                .append("destroyedAt", Date.from(certificate.destroyedAt()))
                .append(CERTIFIED_AT, Date.from(certificate.certifiedAt()))
                .append("runId", certificate.runId())
                .append("previousHash", certificate.previousHash())
                .append("hash", certificate.hash());
    }

    private static DestructionCertificate fromDocument(Document document) {
        return new DestructionCertificate(document.getString("_id"), document.getString(CENTRE),
                document.get(SEQUENCE, Number.class).longValue(), document.getString(DOCUMENT),
                document.getString("kind"), document.getString("ruleId"), document.getString("ruleVersion"),
                document.getDate("dueAt").toInstant(), document.getDate("destroyedAt").toInstant(),
                document.getDate(CERTIFIED_AT).toInstant(), document.getString("runId"),
                document.getString("previousHash"), document.getString("hash"));
    }
}
