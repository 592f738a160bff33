package fr.bilan.retention.document;

import java.time.Instant;

import fr.bilan.retention.rules.DocumentKind;

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
}
