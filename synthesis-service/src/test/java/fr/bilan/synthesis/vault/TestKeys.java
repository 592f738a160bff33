package fr.bilan.synthesis.vault;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/** Master keys and bilan ids for the vault's tests. */
final class TestKeys {

    private TestKeys() {
    }

    static byte[] random32() {
        byte[] key = new byte[MasterKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static MasterKeys only(String id, byte[] key) {
        return new MasterKeys(id, Map.of(id, key));
    }

    /** A keyring of two: {@code current} and {@code other}, by id. */
    static MasterKeys ring(String currentId, byte[] current, String otherId, byte[] other) {
        return new MasterKeys(currentId, Map.of(currentId, current, otherId, other));
    }

    static String bilan() {
        return UUID.randomUUID().toString();
    }
}
