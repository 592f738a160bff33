package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.stores.EmbeddedStoreSettings;
import fr.bilan.support.stores.EmbeddedStoreSettings.Store;

class MasterKeySourceTest {

    private static final String BILAN = TestKeys.bilan();

    @TempDir
    Path dataDir;

    @Test
    void usesTheConfiguredKeyUnderItsId() {
        byte[] key = TestKeys.random32();
        EncryptionProperties properties = properties(Base64.getEncoder().encodeToString(key), "2026-11");

        MasterKeys keys = MasterKeySource.resolve(properties, false, embedded(Store.FILE));

        assertThat(keys.currentId()).isEqualTo("2026-11");
        MasterKeys.Wrapped wrapped = keys.wrap(BILAN, dataKey());
        assertThat(TestKeys.only("2026-11", key).unwrap(BILAN, wrapped).getEncoded()).isEqualTo(dataKey().getEncoded());
        assertThat(dataDir.resolve(MasterKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void refusesToStartWithoutAMasterKeyOnARealS3Store() {
        assertThatThrownBy(() -> MasterKeySource.resolve(properties("", "k1"), false, embedded(Store.FILE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bilan.synthesis.encryption.master-key")
                .hasMessageContaining("BILAN_SYNTHESIS_ENCRYPTION_MASTER_KEY")
                .hasMessageContaining("bilan.storage.s3.endpoint");
    }

    @Test
    void refusesAKeyThatIsNot32BytesWithoutQuotingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        String long48 = Base64.getEncoder().encodeToString(new byte[48]);

        assertThatThrownBy(() -> MasterKeySource.resolve(properties(short16, "k1"), true, embedded(Store.MEMORY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bilan.synthesis.encryption.master-key must be the base64 of 32 bytes (AES-256), it decodes "
                        + "to 16 bytes");
        assertThatThrownBy(() -> MasterKeySource.resolve(properties(long48, "k1"), true, embedded(Store.MEMORY)))
                .hasMessageContaining("decodes to 48 bytes");
        assertThatThrownBy(() -> MasterKeySource.resolve(properties("not base64 at all!", "k1"), true,
                embedded(Store.MEMORY))).isInstanceOf(IllegalStateException.class)
                .hasMessage("bilan.synthesis.encryption.master-key is not base64: it must hold the base64 of 32 random bytes")
                .hasNoCause();
    }

    @Test
    void buildsTheKeyringFromTheListWithTheCurrentIdAmongIt() {
        byte[] k1 = TestKeys.random32();
        byte[] k2 = TestKeys.random32();
        EncryptionProperties properties = new EncryptionProperties("k2", List.of(entry("k1", k1), entry("k2", k2)), "");

        MasterKeys keys = MasterKeySource.resolve(properties, false, embedded(Store.FILE));

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactlyInAnyOrder("k1", "k2");
        MasterKeys.Wrapped byK1 = TestKeys.only("k1", k1).wrap(BILAN, dataKey());
        assertThat(keys.unwrap(BILAN, byK1).getEncoded()).isEqualTo(dataKey().getEncoded());
        assertThat(TestKeys.only("k2", k2).unwrap(BILAN, keys.wrap(BILAN, dataKey())).getEncoded())
                .isEqualTo(dataKey().getEncoded());
    }

    @Test
    void theSingleKeyJoinsTheListUnderTheCurrentId() {
        byte[] k1 = TestKeys.random32();
        byte[] k2 = TestKeys.random32();
        EncryptionProperties properties = new EncryptionProperties("k2", List.of(entry("k1", k1)),
                Base64.getEncoder().encodeToString(k2));

        MasterKeys keys = MasterKeySource.resolve(properties, false, embedded(Store.FILE));

        assertThat(keys.ids()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(TestKeys.only("k2", k2).unwrap(BILAN, keys.wrap(BILAN, dataKey())).getEncoded())
                .isEqualTo(dataKey().getEncoded());
    }

    /** Each way the keyring can be wrong, and what the start-up failure says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badKeyrings")
    void refusesToStartWithAKeyringThatCannotServe(String why, EncryptionProperties properties, String message) {
        assertThatThrownBy(() -> MasterKeySource.resolve(properties, false, embedded(Store.FILE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
        // the embedded store does not excuse a configured keyring that is wrong
        assertThatThrownBy(() -> MasterKeySource.resolve(properties, true, embedded(Store.MEMORY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    static Stream<Arguments> badKeyrings() {
        byte[] key = TestKeys.random32();
        return Stream.of(
                Arguments.of("the current id has no key", new EncryptionProperties("k3",
                        List.of(entry("k1", key), entry("k2", TestKeys.random32())), ""),
                        "bilan.synthesis.encryption.master-key-id is k3, but no master key has that id "
                                + "(bilan.synthesis.encryption.master-keys holds [k1, k2])"),
                Arguments.of("a key of 31 bytes", new EncryptionProperties("k2", List.of(entry("k1", new byte[31]),
                        entry("k2", key)), ""),
                        "bilan.synthesis.encryption.master-keys[0].key (id k1) must be the base64 of 32 bytes (AES-256), "
                                + "it decodes to 31 bytes"),
                Arguments.of("a key not in base64", new EncryptionProperties("k1",
                        List.of(new EncryptionProperties.MasterKey("k1", "pas du base64 !")), ""),
                        "bilan.synthesis.encryption.master-keys[0].key (id k1) is not base64"),
                Arguments.of("two keys under one id", new EncryptionProperties("k1",
                        List.of(entry("k1", key), entry("k1", TestKeys.random32())), ""),
                        "bilan.synthesis.encryption.master-keys[1] gives a second key for id k1"),
                Arguments.of("the single key under an id of the list", new EncryptionProperties("k1",
                        List.of(entry("k1", key)), Base64.getEncoder().encodeToString(TestKeys.random32())),
                        "bilan.synthesis.encryption.master-key gives a second key for id k1"),
                Arguments.of("a key without id", new EncryptionProperties("k1",
                        List.of(new EncryptionProperties.MasterKey(" ", Base64.getEncoder().encodeToString(key))), ""),
                        "bilan.synthesis.encryption.master-keys[0].id is missing"),
                Arguments.of("an id without key", new EncryptionProperties("k1",
                        List.of(new EncryptionProperties.MasterKey("k1", null)), ""),
                        "bilan.synthesis.encryption.master-keys[0].key (id k1) is missing"),
                Arguments.of("a malformed id", new EncryptionProperties("k1/2",
                        List.of(entry("k1/2", key)), ""), "A master key id is 1 to 32 letters"));
    }

    @Test
    void generatesAKeyInMemoryForAMemoryStore() {
        MasterKeys first = MasterKeySource.resolve(properties("", "k1"), true, embedded(Store.MEMORY));
        MasterKeys second = MasterKeySource.resolve(properties("", "k1"), true, embedded(Store.MEMORY));

        MasterKeys.Wrapped wrapped = first.wrap(BILAN, dataKey());
        assertThatThrownBy(() -> second.unwrap(BILAN, wrapped)).isInstanceOf(MasterKeyUnavailable.class);
        assertThat(dataDir.resolve(MasterKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void generatesAKeyOnceInTheDataFolderForAFileStoreReadableByItsOwnerOnly() throws Exception {
        EmbeddedStoreSettings embedded = new EmbeddedStoreSettings(true, Store.FILE, dataDir.resolve("synthesis-service"));

        MasterKeys first = MasterKeySource.resolve(properties("", "k1"), true, embedded);
        MasterKeys afterRestart = MasterKeySource.resolve(properties("", "k1"), true, embedded);

        assertThat(afterRestart.unwrap(BILAN, first.wrap(BILAN, dataKey())).getEncoded()).isEqualTo(dataKey().getEncoded());
        Path file = dataDir.resolve("synthesis-service").resolve(MasterKeySource.KEY_FILE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    private EncryptionProperties properties(String masterKey, String id) {
        return new EncryptionProperties(id, List.of(), masterKey);
    }

    private EmbeddedStoreSettings embedded(Store store) {
        return new EmbeddedStoreSettings(true, store, dataDir);
    }

    private static EncryptionProperties.MasterKey entry(String id, byte[] key) {
        return new EncryptionProperties.MasterKey(id, Base64.getEncoder().encodeToString(key));
    }

    private static SecretKeySpec dataKey() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        return new SecretKeySpec(raw, "AES");
    }
}
