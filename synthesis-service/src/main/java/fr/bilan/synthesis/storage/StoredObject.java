package fr.bilan.synthesis.storage;

/**
 * A document as stored: where, the SHA-256 (hexadecimal) of its plain bytes, and its sizes before
 * and after sealing.
 */
public record StoredObject(String objectKey, String sha256, long plainSize, long storedSize) {
}
