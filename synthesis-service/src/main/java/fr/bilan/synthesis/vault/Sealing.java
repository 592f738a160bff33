package fr.bilan.synthesis.vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * AES-256-GCM with the bilan's data key. A sealed blob is
 * <pre>
 * format (1 byte) | key version (1 byte) | IV (12 bytes) | ciphertext (as long as the plain) | tag (16 bytes)
 * </pre>
 * The header lets the format evolve (another cipher, a second key per bilan) while old blobs still
 * open. The AAD is the header, the bilan's id and the {@code context} (the object key where the blob
 * lives): a blob moved to another place or another bilan, or given another header, does not open.
 * Timed as {@code bilan.synthesis.sealing}, tagged {@code operation} seal or open.
 */
public final class Sealing {

    /** The only format so far: AES-256-GCM, 96-bit random IV, 128-bit tag. */
    public static final byte FORMAT = 1;
    public static final int HEADER_BYTES = 2;
    /** What sealing adds to the plain size: header, IV and tag. */
    public static final int OVERHEAD = HEADER_BYTES + Gcm.IV_BYTES + Gcm.TAG_BYTES;
    static final String TIMER = "bilan.synthesis.sealing";

    private final DataKeys keys;
    private final Timer sealTimer;
    private final Timer openTimer;

    public Sealing(DataKeys keys, MeterRegistry registry) {
        this.keys = keys;
        this.sealTimer = timer(registry, "seal");
        this.openTimer = timer(registry, "open");
    }

    /**
     * Refuses a bilan whose key was destroyed: what was sealed for it went with the key, and nothing
     * new is sealed for it.
     *
     * @throws KeyDestroyed once the purge destroyed the bilan's key
     */
    public void requireLiveKey(String assessmentId) {
        if (keys.destroyTime(assessmentId).isPresent()) {
            throw new KeyDestroyed(assessmentId);
        }
    }

    /** {@code plain} sealed with the bilan's key (created on first use) for {@code context}. */
    public byte[] seal(String assessmentId, byte[] plain, String context) {
        return sealTimer.record(() -> {
            byte[] header = {FORMAT, (byte) DataKeys.KEY_VERSION};
            return Gcm.seal(keys.keyOf(assessmentId), header, aad(header, assessmentId, context), plain);
        });
    }

    /**
     * The plain bytes of {@code sealed}, read for the bilan and context it was sealed for.
     *
     * @throws SealBroken   altered, of an unknown format, or sealed for another context or bilan
     * @throws KeyDestroyed the bilan's key was destroyed: it will never open again
     */
    public byte[] open(String assessmentId, byte[] sealed, String context) {
        return openTimer.record(() -> {
            if (sealed.length < OVERHEAD) {
                throw new SealBroken("Not a sealed blob: " + sealed.length + " bytes, shorter than the " + OVERHEAD
                        + " sealing adds");
            }
            if (sealed[0] != FORMAT || sealed[1] != DataKeys.KEY_VERSION) {
                throw new SealBroken("Unknown sealed format " + sealed[0] + " with key version " + sealed[1]);
            }
            SecretKey key = keys.keyOf(assessmentId);
            byte[] header = {sealed[0], sealed[1]};
            try {
                return Gcm.open(key, sealed, HEADER_BYTES, aad(header, assessmentId, context));
            } catch (AEADBadTagException e) {
                throw new SealBroken("Sealed blob altered, or sealed for another place or bilan than " + context, e);
            }
        });
    }

    private static byte[] aad(byte[] header, String assessmentId, String context) {
        // ids and object keys hold no NUL: the separator keeps ("ab", "c") apart from ("a", "bc")
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(header);
        aad.writeBytes(assessmentId.getBytes(StandardCharsets.UTF_8));
        aad.write(0);
        aad.writeBytes(context.getBytes(StandardCharsets.UTF_8));
        return aad.toByteArray();
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder(TIMER).description("AES-GCM sealing and opening of documents with their bilan's key")
                .tag("operation", operation).register(registry);
    }
}
