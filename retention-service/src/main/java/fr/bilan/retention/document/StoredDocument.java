package fr.bilan.retention.document;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoTime;

/**
 * A document stored for a bilan (e.g. a version of the synthèse PDF, held by synthesis-service), as
 * retention keeps it: what it is, whose, and where, never what it says. Its destruction is
 * scheduled from its bilan's action end, joined on {@code assessmentId}.
 *
 * @param eventId   unique per stored object, the same on every redelivery
 * @param holder    the service that holds it, which will be asked to destroy it
 * @param sha256    SHA-256 of the plain document, hexadecimal in lower case
 * @param sizeBytes size of the stored (encrypted) object
 */
public record StoredDocument(String eventId, DocumentKind kind, String assessmentId, String beneficiaryId,
        String centreId, String holder, String bucket, String objectKey, String sha256, long sizeBytes, Instant storeTime) {

    /** S3 names a bucket in 3 to 63 characters. */
    static final int MAX_BUCKET_LENGTH = 63;
    /** S3 keys are at most 1024 bytes long. */
    static final int MAX_OBJECT_KEY_LENGTH = 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PREFIX = "document.";
    /** The kinds a sender may give, as the refusal lists them. */
    private static final String KINDS = RuleBook.KINDS.stream().map(DocumentKind::name)
            .collect(Collectors.joining(", "));

    /** Checks a document as it came over the wire; refuses it field by field ({@code INVALID_ARGUMENT}). */
    public static StoredDocument of(fr.bilan.proto.retention.internal.v1.StoredDocument document) {
        FieldViolations violations = new FieldViolations()
                .requireText(PREFIX + "event_id", document.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "assessment_id", document.getAssessmentId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "beneficiary_id", document.getBeneficiaryId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "centre_id", document.getCentreId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "holder", document.getHolder(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "bucket", document.getBucket(), MAX_BUCKET_LENGTH)
                .requireText(PREFIX + "object_key", document.getObjectKey(), MAX_OBJECT_KEY_LENGTH);
        if (document.getKind() == DocumentKind.DOCUMENT_KIND_UNSPECIFIED
                || document.getKind() == DocumentKind.UNRECOGNIZED) {
            violations.add(PREFIX + "kind", "Indiquez le type de document : " + KINDS + ".");
        }
        String sha256 = document.getSha256().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            violations.add(PREFIX + "sha256", "Indiquez l'empreinte SHA-256 du document : 64 caractères hexadécimaux.");
        }
        if (document.getSizeBytes() <= 0) {
            violations.add(PREFIX + "size_bytes", "Indiquez la taille de l'objet stocké, en octets (plus de 0).");
        }
        Optional<Instant> storeTime = ProtoTime.required(PREFIX + "store_time", document.hasStoreTime(),
                document.getStoreTime(), "Indiquez la date à laquelle le document a été stocké.", violations);
        violations.throwIfAny();
        return new StoredDocument(document.getEventId(), document.getKind(), document.getAssessmentId(),
                document.getBeneficiaryId(), document.getCentreId(), document.getHolder(), document.getBucket(), document.getObjectKey(), sha256,
                document.getSizeBytes(), storeTime.orElseThrow());
    }
}
