package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyring alone: which key wraps, which unwraps, and what it refuses. */
class MasterKeysTest {

    private static final String BILAN = TestKeys.bilan();
    private final byte[] k1 = TestKeys.random32();
    private final byte[] k2 = TestKeys.random32();
    private final SecretKey dataKey = MasterKeys.aes(TestKeys.random32(), "a data key");

    @Test
    void wrapsWithTheCurrentKeyAndRecordsItsId() {
        MasterKeys ring = TestKeys.ring("k2", k2, "k1", k1);

        MasterKeys.Wrapped wrapped = ring.wrap(BILAN, dataKey);

        assertThat(wrapped.masterKeyId()).isEqualTo("k2");
        assertThat(TestKeys.only("k2", k2).unwrap(BILAN, wrapped)).isEqualTo(dataKey);
        assertThatThrownBy(() -> TestKeys.only("k2", k1).unwrap(BILAN, wrapped)).isInstanceOf(MasterKeyUnavailable.class);
    }

    @Test
    void unwrapsWithTheKeyWhoseIdWasRecordedWhicheverIsCurrent() {
        MasterKeys.Wrapped byK1 = TestKeys.only("k1", k1).wrap(BILAN, dataKey);
        MasterKeys.Wrapped byK2 = TestKeys.only("k2", k2).wrap(BILAN, dataKey);

        for (MasterKeys ring : new MasterKeys[] {TestKeys.ring("k1", k1, "k2", k2), TestKeys.ring("k2", k2, "k1", k1)}) {
            assertThat(ring.unwrap(BILAN, byK1)).isEqualTo(dataKey);
            assertThat(ring.unwrap(BILAN, byK2)).isEqualTo(dataKey);
            assertThat(ring.ids()).containsExactlyInAnyOrder("k1", "k2");
        }
        assertThat(TestKeys.ring("k2", k2, "k1", k1).isCurrent("k1")).isFalse();
    }

    @Test
    void anIdMissingFromTheKeyringIsAFailureThatNamesIt() {
        MasterKeys.Wrapped byK1 = TestKeys.only("k1", k1).wrap(BILAN, dataKey);

        assertThatThrownBy(() -> TestKeys.only("k2", k2).unwrap(BILAN, byK1)).isInstanceOf(MasterKeyUnavailable.class)
                .hasMessageContaining("bilan " + BILAN + " is wrapped by master key k1, which is not configured")
                .hasMessageContaining("holds [k2]")
                .satisfies(e -> assertThat(((MasterKeyUnavailable) e).masterKeyId()).isEqualTo("k1"));
    }

    @Test
    void aWrappedKeyDoesNotUnwrapForAnotherBilan() {
        MasterKeys ring = TestKeys.only("k1", k1);

        MasterKeys.Wrapped wrapped = ring.wrap(BILAN, dataKey);

        assertThatThrownBy(() -> ring.unwrap(TestKeys.bilan(), wrapped)).isInstanceOf(MasterKeyUnavailable.class)
                .hasMessageContaining("does not unwrap with master key k1");
    }

    /** A keyring that could not serve: refused when built, at start. */
    @ParameterizedTest(name = "current {0}, keys {1}: {3}")
    @CsvSource(delimiter = ';', value = {
        "k3; k1,k2; 32; no master key has that id",
        "k1; k1; 16; the master key k1 must be 32 bytes (AES-256), not 16",
        "k1; k1; 0; must be 32 bytes (AES-256), not 0",
        "k 1; k 1; 32; A master key id is 1 to 32 letters, digits, '-' or '_', not 'k 1'",
        "k1; k1,a-very-long-id-of-thirty-three-ch; 32; not 'a-very-long-id-of-thirty-three-ch'",
    })
    void refusesAKeyringThatCannotServe(String current, String ids, int bytes, String message) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String id : ids.split(",")) {
            keys.put(id, new byte[bytes]);
        }

        assertThatThrownBy(() -> new MasterKeys(current, keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
