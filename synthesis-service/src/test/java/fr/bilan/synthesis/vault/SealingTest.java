package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.MemoryMongo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SealingTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final byte[] PDF = "%PDF-1.7\n% document de synthèse\n".repeat(40).getBytes(StandardCharsets.UTF_8);

    private final byte[] masterBytes = TestKeys.random32();
    private final MongoDatabase database = MONGO.freshDatabase();
    private final DataKeys keys = new DataKeys(database, TestKeys.only("k1", masterBytes), Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Sealing sealing = new Sealing(keys, registry);
    private final String bilan = TestKeys.bilan();
    private final String place = "assessments/" + bilan + "/synthesis/" + TestKeys.bilan();

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void opensWhatItSealed() {
        byte[] sealed = sealing.seal(bilan, PDF, place);

        assertThat(sealing.open(bilan, sealed, place)).isEqualTo(PDF);
        assertThat(sealing.open(bilan, sealing.seal(bilan, new byte[0], place), place)).isEmpty();
    }

    @Test
    void writesAVersionedHeaderAndARandomIvThenCiphertextAndTag() {
        byte[] sealed = sealing.seal(bilan, PDF, place);
        byte[] again = sealing.seal(bilan, PDF, place);

        assertThat(sealed).hasSize(PDF.length + Sealing.OVERHEAD);
        assertThat(Sealing.OVERHEAD).isEqualTo(2 + 12 + 16);
        assertThat(sealed[0]).isEqualTo(Sealing.FORMAT);
        assertThat(sealed[1]).isEqualTo((byte) DataKeys.KEY_VERSION);
        assertThat(Arrays.copyOfRange(sealed, 2, 14)).isNotEqualTo(Arrays.copyOfRange(again, 2, 14));
        assertThat(DataKeysTest.indexOf(sealed, "%PDF".getBytes(StandardCharsets.US_ASCII))).isNegative();
    }

    @Test
    void refusesABlobWithAnyByteChanged() {
        byte[] sealed = sealing.seal(bilan, PDF, place);
        // past the header (which has its own check): in the IV, the ciphertext and the tag
        for (int at : new int[] {2, 13, 14, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 0x01;
            assertThatThrownBy(() -> sealing.open(bilan, tampered, place)).as("byte %d", at)
                    .isInstanceOf(SealBroken.class).hasMessageContaining("altered");
        }
        assertThatThrownBy(() -> sealing.open(bilan, Arrays.copyOf(sealed, sealed.length - 1), place))
                .isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> sealing.open(bilan, new byte[10], place)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("Not a sealed blob");
    }

    @Test
    void refusesAnUnknownFormatOrKeyVersion() {
        byte[] sealed = sealing.seal(bilan, PDF, place);
        byte[] futureFormat = sealed.clone();
        futureFormat[0] = 2;
        byte[] otherKeyVersion = sealed.clone();
        otherKeyVersion[1] = 7;

        assertThatThrownBy(() -> sealing.open(bilan, futureFormat, place)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("Unknown sealed format 2");
        assertThatThrownBy(() -> sealing.open(bilan, otherKeyVersion, place)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("key version 7");
    }

    @Test
    void aBlobMovedToAnotherPlaceOrBilanDoesNotOpen() {
        byte[] sealed = sealing.seal(bilan, PDF, place);
        String otherBilan = TestKeys.bilan();

        assertThatThrownBy(() -> sealing.open(bilan, sealed, place + "0")).isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> sealing.open(otherBilan, sealed, place)).isInstanceOf(SealBroken.class);
    }

    @Test
    void afterTheKeyIsDestroyedNothingOpensNotEvenWithTheMasterKey() {
        byte[] sealed = sealing.seal(bilan, PDF, place);

        keys.destroy(bilan);

        assertThatThrownBy(() -> sealing.open(bilan, sealed, place)).isInstanceOf(KeyDestroyed.class);
        assertThatThrownBy(() -> sealing.seal(bilan, PDF, place)).isInstanceOf(KeyDestroyed.class);
        // what is left: the sealed bytes and the master key; the blob was never sealed with the master key
        assertThatThrownBy(() -> Gcm.open(new SecretKeySpec(masterBytes, "AES"), sealed, Sealing.HEADER_BYTES,
                new byte[0])).isInstanceOf(AEADBadTagException.class);
        // and another replica, with the same master key, finds nothing to unwrap
        DataKeys replica = new DataKeys(database, TestKeys.only("k1", masterBytes), Clock.systemUTC());
        assertThatThrownBy(() -> new Sealing(replica, registry).open(bilan, sealed, place))
                .isInstanceOf(KeyDestroyed.class);
    }

    @Test
    void timesSealingAndOpening() {
        sealing.open(bilan, sealing.seal(bilan, PDF, place), place);

        assertThat(registry.get(Sealing.TIMER).tag("operation", "seal").timer().count()).isEqualTo(1);
        assertThat(registry.get(Sealing.TIMER).tag("operation", "open").timer().count()).isEqualTo(1);
    }
}
