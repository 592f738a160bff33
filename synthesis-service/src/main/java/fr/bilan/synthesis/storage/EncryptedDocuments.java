package fr.bilan.synthesis.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import fr.bilan.support.hash.Sha256;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.storage.ObjectStorage.ObjectStorageException;
import fr.bilan.synthesis.vault.KeyDestroyed;
import fr.bilan.synthesis.vault.SealBroken;
import fr.bilan.synthesis.vault.Sealing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;

/**
 * Documents in the service's bucket, sealed by the service before they leave it ({@link Sealing},
 * the bilan's key, the object key as context): the store only ever holds ciphertext. An object's
 * metadata holds ids, the format version and the plain SHA-256, nothing a person could be read from.
 * Timed as {@code bilan.synthesis.documents}, tagged {@code operation} upload or download (sealing
 * included).
 */
public final class EncryptedDocuments {

    /** User metadata (sent as {@code x-amz-meta-…}). */
    static final String ASSESSMENT_ID = "assessment-id";
    static final String FORMAT = "format";
    static final String PLAIN_SHA256 = "plain-sha256";
    private static final String METADATA_HEADER = "x-amz-meta-";
    private static final String TIMER = "bilan.synthesis.documents";

    private final ObjectStorage storage;
    private final Sealing sealing;
    private final Timer uploads;
    private final Timer downloads;

    public EncryptedDocuments(ObjectStorage storage, Sealing sealing, MeterRegistry registry) {
        this.storage = storage;
        this.sealing = sealing;
        this.uploads = timer(registry, "upload");
        this.downloads = timer(registry, "download");
    }

    /**
     * Seals {@code plain} with the bilan's key (context: the object key) and uploads it under
     * {@code objectKey}, which must be one of the bilan's ({@link ObjectKeys}).
     */
    public StoredObject put(String assessmentId, String objectKey, byte[] plain) {
        requireKeyOf(assessmentId, objectKey);
        return uploads.record(() -> {
            String sha256 = Sha256.hex(plain);
            byte[] sealed = sealing.seal(assessmentId, plain, objectKey);
            try {
                storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(objectKey)
                        .data(sealed, sealed.length)
                        .contentType("application/octet-stream")
                        .userMetadata(Map.of(ASSESSMENT_ID, assessmentId, FORMAT, String.valueOf(Sealing.FORMAT),
                                PLAIN_SHA256, sha256))
                        .build());
            } catch (MinioException e) {
                throw new ObjectStorageException("Cannot upload " + objectKey, e);
            }
            return new StoredObject(objectKey, sha256, plain.length, sealed.length);
        });
    }

    /**
     * The plain document: downloaded, opened with the bilan's key, checked against the SHA-256
     * recorded at upload.
     *
     * @throws KeyDestroyed       the bilan's key was destroyed
     * @throws SealBroken         the object was altered, or moved from another key or bilan
     * @throws StoredObjectMissing no object under that key
     */
    public byte[] get(String assessmentId, String objectKey) {
        requireKeyOf(assessmentId, objectKey);
        return downloads.record(() -> {
            byte[] sealed;
            String recordedSha256;
            try (GetObjectResponse in = storage.client().getObject(
                    GetObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build())) {
                sealed = in.readAllBytes();
                recordedSha256 = in.headers().get(METADATA_HEADER + PLAIN_SHA256);
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    throw new StoredObjectMissing(objectKey);
                }
                throw new ObjectStorageException("Cannot download " + objectKey, e);
            } catch (MinioException | IOException e) {
                throw new ObjectStorageException("Cannot download " + objectKey, e);
            }
            byte[] plain = sealing.open(assessmentId, sealed, objectKey);
            if (recordedSha256 == null || !MessageDigest.isEqual(Sha256.hex(plain).getBytes(StandardCharsets.US_ASCII),
                    recordedSha256.getBytes(StandardCharsets.US_ASCII))) {
                throw new SealBroken("The SHA-256 of " + objectKey + " differs from the one recorded at its upload");
            }
            return plain;
        });
    }

    /** Removes the object (on a versioned bucket, its older versions stay: destroying the bilan's key covers them). */
    public void remove(String objectKey) {
        ObjectKeys.require(objectKey);
        try {
            storage.client().removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build());
        } catch (MinioException e) {
            throw new ObjectStorageException("Cannot remove " + objectKey, e);
        }
    }

    private static void requireKeyOf(String assessmentId, String objectKey) {
        if (!ObjectKeys.assessmentOf(objectKey).equals(assessmentId)) {
            throw new IllegalArgumentException("Object key " + objectKey + " is not one of the given bilan's");
        }
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder(TIMER).description("Encrypted document uploads and downloads, sealing included")
                .tag("operation", operation).register(registry);
    }
}
