package fr.bilan.retention.document;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoTime;

/** A stored document as the contract carries it, checked field by field into the domain's {@link StoredDocument}. */
public final class StoredDocumentMessages {

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
    static StoredDocument fromProto(fr.bilan.proto.retention.internal.v1.StoredDocument document) {
        FieldViolations violations = new FieldViolations()
                .requireText(PREFIX + "event_id", document.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "assessment_id", document.getAssessmentId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "beneficiary_id", document.getBeneficiaryId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "centre_id", document.getCentreId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "holder", document.getHolder(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "bucket", document.getBucket(), MAX_BUCKET_LENGTH)
                .requireText(PREFIX + "object_key", document.getObjectKey(), MAX_OBJECT_KEY_LENGTH);
        Optional<DocumentKind> kind = kind(document.getKind());
        if (kind.isEmpty()) {
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
        return new StoredDocument(document.getEventId(), kind.orElseThrow(), document.getAssessmentId(),
                document.getBeneficiaryId(), document.getCentreId(), document.getHolder(), document.getBucket(),
                document.getObjectKey(), sha256,
                document.getSizeBytes(), storeTime.orElseThrow());
    }

    /** The domain's kind of the contract's; empty for the unspecified (or an unknown) one. */
    static Optional<DocumentKind> kind(fr.bilan.proto.retention.v1.DocumentKind kind) {
        return Arrays.stream(DocumentKind.values()).filter(known -> known.name().equals(kind.name())).findFirst();
    }

    /** The contract's kind of the domain's. */
    public static fr.bilan.proto.retention.v1.DocumentKind toProto(DocumentKind kind) {
        return fr.bilan.proto.retention.v1.DocumentKind.valueOf(kind.name());
    }

    private StoredDocumentMessages() {
    }
}
