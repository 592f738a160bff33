package fr.bilan.retention.proof;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import fr.bilan.support.hash.Sha256;

/**
 * The proof that one document was destroyed, holding no content and no person: entry
 * {@code sequence} (1, 2, 3…) of its centre's chain. {@code hash} is the SHA-256 hex of the
 * {@link CanonicalText} of, in this order: id, centreId, sequence, documentHash, kind, ruleId,
 * ruleVersion, dueAt, destroyedAt, certifiedAt, runId, previousHash, with instants written as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC ({@link #instant}). {@code previousHash} is the hash of
 * entry {@code sequence - 1}, or {@link Anchor#GENESIS}'s for the first: altering, removing or
 * reordering an entry breaks its own hash or the next link.
 *
 * @param documentHash {@link DocumentIdentity#hash()} of the destroyed document
 * @param certifiedAt  when the entry was appended; never before its predecessor's, so that a period
 *                     of it is one contiguous piece of the chain
 */
public record DestructionCertificate(String id, String centreId, long sequence, String documentHash, String kind,
        String ruleId, String ruleVersion, Instant dueAt, Instant destroyedAt, Instant certifiedAt, String runId,
        String previousHash, String hash) {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The entry after {@code previous} certifying {@code destruction}. Instants are cut to the
     * millisecond, MongoDB's precision, so that the stored entry hashes as this one did.
     */
    static DestructionCertificate after(Anchor previous, Destruction destruction, Instant now) {
        Instant certifiedAt = latest(now, previous.certifiedAt()).truncatedTo(ChronoUnit.MILLIS);
        DestructionCertificate unsealed = new DestructionCertificate(UUID.randomUUID().toString(),
                destruction.centreId(), previous.sequence() + 1, destruction.document().hash(), destruction.kind(),
                destruction.ruleId(), destruction.ruleVersion(), destruction.dueAt().truncatedTo(ChronoUnit.MILLIS),
                destruction.destroyedAt().truncatedTo(ChronoUnit.MILLIS), certifiedAt, destruction.runId(),
                previous.hash(), null);
        return unsealed.withHash(unsealed.expectedHash());
    }

    /** The hash its fields give, whatever {@link #hash} says. */
    public String expectedHash() {
        return Sha256.hex(CanonicalText.of(id, centreId, Long.toString(sequence), documentHash, kind, ruleId,
                ruleVersion, instant(dueAt), instant(destroyedAt), instant(certifiedAt), runId, previousHash));
    }

    /** Where the entry after this one links to. */
    public Anchor asAnchor() {
        return new Anchor(sequence, hash, certifiedAt);
    }

    /** How certificates write instants, in their hash and their exports. */
    public static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    DestructionCertificate withHash(String newHash) {
        return new DestructionCertificate(id, centreId, sequence, documentHash, kind, ruleId, ruleVersion, dueAt,
                destroyedAt, certifiedAt, runId, previousHash, newHash);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
