package fr.bilan.retention.proof;

import fr.bilan.support.hash.Sha256;

/**
 * Which stored object was destroyed: its id in the document registry and where it lived. Only its
 * hash goes into a certificate, so that a certificate names no path (object keys may carry ids).
 */
public record DocumentIdentity(String registryId, String bucket, String objectKey) {

    /** SHA-256 hex of the {@link CanonicalText} of registry id, bucket and object key. */
    public String hash() {
        return Sha256.hex(CanonicalText.of(registryId, bucket, objectKey));
    }
}
