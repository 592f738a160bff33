package fr.bilan.retention.document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import fr.bilan.retention.proof.DocumentIdentity;
import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.retention.rules.RetainedDocument;

/**
 * An entry of the registry as the clock and the purge read it: a stored object, or the content a
 * holder keeps of a bilan in its database ({@code bucket} and {@code objectKey} empty).
 *
 * @param marks    how many times an event marked it for a new decision: a decision is written only
 *                 if none came in between
 * @param dueTime  empty while its bilan's action runs
 */
public record RegisteredDocument(String id, boolean content, DocumentKind kind, String assessmentId,
        String beneficiaryId, String centreId, String holder, String bucket, String objectKey, long sizeBytes,
        Instant storeTime, DestructionState state, Optional<Instant> dueTime, Optional<Instant> destroyTime,
        String ruleId, int ruleVersion, long marks) {

    static RegisteredDocument of(Document entry) {
        return new RegisteredDocument(entry.getString("_id"), Registry.CONTENT.equals(entry.getString(Registry.FORM)),
                DocumentKind.valueOf(entry.getString(StoredDocuments.KIND)), entry.getString(StoredDocuments.ASSESSMENT),
                entry.getString(StoredDocuments.BENEFICIARY), entry.getString(StoredDocuments.CENTRE),
                entry.getString(StoredDocuments.HOLDER), entry.get(StoredDocuments.BUCKET, ""),
                entry.get(StoredDocuments.OBJECT_KEY, ""), entry.get(StoredDocuments.SIZE, Number.class).longValue(),
                entry.getDate(StoredDocuments.STORE_TIME).toInstant(),
                DestructionState.valueOf(entry.getString(Registry.STATE)), instant(entry, Registry.DUE),
                instant(entry, Registry.DESTROY_TIME), entry.getString(Registry.RULE),
                entry.get(Registry.RULE_VERSION, 0), entry.get(Registry.MARKS, Number.class).longValue());
    }

    /** What the policy decides on. */
    public RetainedDocument retained() {
        return new RetainedDocument(kind, storeTime);
    }

    /** What a certificate says of it: a hash of ids and location, nothing of whose it was. */
    public DocumentIdentity identity() {
        return new DocumentIdentity(id, bucket, objectKey);
    }

    private static Optional<Instant> instant(Document entry, String field) {
        Date date = entry.getDate(field);
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
