package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void refusesAMalformedRetiredKeyOrOneUnderTheCurrentId() {
        EncryptionProperties badRetired = new EncryptionProperties(Base64.getEncoder().encodeToString(TestKeys.random32()),
                "k2", Map.of("k1", Base64.getEncoder().encodeToString(new byte[31])));
        EncryptionProperties sameId = new EncryptionProperties(Base64.getEncoder().encodeToString(TestKeys.random32()),
                "k1", Map.of("k1", Base64.getEncoder().encodeToString(TestKeys.random32())));

        assertThatThrownBy(() -> MasterKeySource.resolve(badRetired, false, embedded(Store.FILE)))
                .hasMessageContaining("bilan.synthesis.encryption.retired-master-keys.k1 must be the base64 of 32 bytes");
        assertThatThrownBy(() -> MasterKeySource.resolve(sameId, false, embedded(Store.FILE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both the current and a retired one");
    }

    @Test
    void generatesAKeyInMemoryForAMemoryStore() {
        MasterKeys first = MasterKeySource.resolve(properties("", "k1"), true, embedded(Store.MEMORY));
        MasterKeys second = MasterKeySource.resolve(properties("", "k1"), true, embedded(Store.MEMORY));

        MasterKeys.Wrapped wrapped = first.wrap(BILAN, dataKey());
        assertThatThrownBy(() -> second.unwrap(BILAN, wrapped)).isInstanceOf(IllegalStateException.class);
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
        return new EncryptionProperties(masterKey, id, Map.of());
    }

    private EmbeddedStoreSettings embedded(Store store) {
        return new EmbeddedStoreSettings(true, store, dataDir);
    }

    private static SecretKeySpec dataKey() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        return new SecretKeySpec(raw, "AES");
    }
}
