package fr.bilan.synthesis.vault;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyring of master keys that wrap the bilans' data keys: several keys by id, one of them current.
 * New data keys are wrapped with the current one; a data key is unwrapped with the key whose id is
 * stored next to it, so a rotation never has to guess. Wrapping is AES-256-GCM with the bilan's id as
 * AAD, so a wrapped key copied onto another bilan's record does not unwrap.
 */
public final class MasterKeys {

    /** AES-256: the only size accepted, for master and data keys alike. */
    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String AAD_PREFIX = "bilan/assessment-key/";

    /** A data key wrapped by the master key {@code masterKeyId}: IV, ciphertext and tag. */
    public record Wrapped(String masterKeyId, byte[] bytes) {
    }

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /**
     * @param currentId the id stored next to each key wrapped from now on; one of {@code keys}
     * @param keys      by id, 32 bytes each: the current key and the older ones that still unwrap what
     *                  they wrapped (or a newer one, staged before it becomes current)
     * @throws IllegalArgumentException a malformed id or key, or no key under {@code currentId}
     */
    public MasterKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = checkId(currentId);
        keys.forEach((id, key) -> this.keys.put(checkId(id), aes(key, "the master key " + id)));
        if (!this.keys.containsKey(currentId)) {
            throw new IllegalArgumentException("The current master key id is " + currentId + ", but no master key has "
                    + "that id (the keyring holds " + this.keys.keySet() + ")");
        }
    }

    public String currentId() {
        return currentId;
    }

    public boolean isCurrent(String masterKeyId) {
        return currentId.equals(masterKeyId);
    }

    /** Every id of the keyring, the current one included. */
    public Set<String> ids() {
        return Set.copyOf(keys.keySet());
    }

    Wrapped wrap(String assessmentId, SecretKey dataKey) {
        return new Wrapped(currentId, Gcm.seal(keys.get(currentId), new byte[0], aad(assessmentId), dataKey.getEncoded()));
    }

    /** @throws MasterKeyUnavailable no key under the recorded id, or another key than the one that wrapped it */
    SecretKey unwrap(String assessmentId, Wrapped wrapped) {
        SecretKey master = keys.get(wrapped.masterKeyId());
        if (master == null) {
            throw new MasterKeyUnavailable("The data key of bilan " + assessmentId + " is wrapped by master key "
                    + wrapped.masterKeyId() + ", which is not configured (bilan.synthesis.encryption.master-keys holds "
                    + keys.keySet() + "): keep a master key until no data key is wrapped by it", wrapped.masterKeyId(), null);
        }
        try {
            return new SecretKeySpec(Gcm.open(master, wrapped.bytes(), 0, aad(assessmentId)), "AES");
        } catch (AEADBadTagException e) {
            throw new MasterKeyUnavailable("The data key of bilan " + assessmentId + " does not unwrap with master key "
                    + wrapped.masterKeyId() + ": another key is configured under that id, or the record was altered",
                    wrapped.masterKeyId(), e);
        }
    }

    /** An AES-256 key from raw bytes, refused unless it is exactly 32 bytes long. */
    static SecretKey aes(byte[] raw, String what) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(what + " must be " + KEY_BYTES + " bytes (AES-256), not "
                    + (raw == null ? 0 : raw.length));
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String checkId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A master key id is 1 to 32 letters, digits, '-' or '_', not '" + id + "'");
        }
        return id;
    }

    private static byte[] aad(String assessmentId) {
        return (AAD_PREFIX + assessmentId).getBytes(StandardCharsets.UTF_8);
    }
}
