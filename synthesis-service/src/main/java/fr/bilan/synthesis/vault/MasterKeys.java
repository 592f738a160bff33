package fr.bilan.synthesis.vault;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key that wraps every bilan's data key, and the retired ones that still unwrap the data
 * keys wrapped before a rotation. Wrapping is AES-256-GCM with the bilan's id as AAD, so a wrapped
 * key copied onto another bilan's record does not unwrap. Each wrapped key is stored with the id of
 * the master key that wrapped it: a rotation never has to guess.
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
     * @param currentId the id stored next to each key wrapped from now on
     * @param current   32 bytes
     * @param retired   by id: older master keys, used to unwrap only
     */
    public MasterKeys(String currentId, byte[] current, Map<String, byte[]> retired) {
        this.currentId = checkId(currentId);
        keys.put(currentId, aes(current, "the master key " + currentId));
        retired.forEach((id, key) -> {
            if (id.equals(currentId)) {
                throw new IllegalArgumentException("Master key id " + id + " is both the current and a retired one: "
                        + "a rotation gives the new key a new id");
            }
            keys.put(checkId(id), aes(key, "the retired master key " + id));
        });
    }

    public String currentId() {
        return currentId;
    }

    public boolean isCurrent(String masterKeyId) {
        return currentId.equals(masterKeyId);
    }

    Wrapped wrap(String assessmentId, SecretKey dataKey) {
        return new Wrapped(currentId, Gcm.seal(keys.get(currentId), new byte[0], aad(assessmentId), dataKey.getEncoded()));
    }

    SecretKey unwrap(String assessmentId, Wrapped wrapped) {
        SecretKey master = keys.get(wrapped.masterKeyId());
        if (master == null) {
            throw new IllegalStateException("The data key of bilan " + assessmentId + " is wrapped by master key "
                    + wrapped.masterKeyId() + ", which is not configured (neither bilan.synthesis.encryption.master-key-id "
                    + "nor one of retired-master-keys): keep a retired key until every data key is rewrapped");
        }
        try {
            return new SecretKeySpec(Gcm.open(master, wrapped.bytes(), 0, aad(assessmentId)), "AES");
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The data key of bilan " + assessmentId + " does not unwrap with master key "
                    + wrapped.masterKeyId() + ": another key is configured under that id, or the record was altered", e);
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
