package fr.bilan.synthesis.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.SecretKey;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.support.testing.MemoryMongo;
import fr.bilan.support.testing.TestClock;

class DataKeysTest {

    private static final MemoryMongo MONGO = new MemoryMongo();

    private final MongoDatabase database = MONGO.freshDatabase();
    private final MongoCollection<Document> stored = database.getCollection(DataKeys.COLLECTION);
    private final byte[] masterBytes = TestKeys.random32();
    private final TestClock clock = new TestClock();
    private final DataKeys keys = new DataKeys(database, TestKeys.only("k1", masterBytes), clock);

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void createsAnAes256KeyOnFirstUseAndGivesTheSameOneAfter() {
        String bilan = TestKeys.bilan();

        SecretKey first = keys.keyOf(bilan);

        assertThat(first.getAlgorithm()).isEqualTo("AES");
        assertThat(first.getEncoded()).hasSize(32);
        assertThat(keys.keyOf(bilan).getEncoded()).isEqualTo(first.getEncoded());
        assertThat(keys.keyOf(TestKeys.bilan()).getEncoded()).isNotEqualTo(first.getEncoded());
    }

    @Test
    void storesTheKeyOnlyWrappedUnderTheMasterKeyId() {
        String bilan = TestKeys.bilan();
        byte[] raw = keys.keyOf(bilan).getEncoded();

        Document document = stored.find(Filters.eq("_id", bilan)).first();

        assertThat(document.getString(DataKeys.MASTER_KEY_ID)).isEqualTo("k1");
        assertThat(document.getInteger(DataKeys.VERSION)).isEqualTo(DataKeys.KEY_VERSION);
        byte[] wrapped = document.get(DataKeys.WRAPPED_KEY, Binary.class).getData();
        assertThat(wrapped).hasSize(Gcm.IV_BYTES + 32 + Gcm.TAG_BYTES);
        assertThat(indexOf(wrapped, raw)).isNegative();
    }

    @Test
    void eightFirstUsesAtOnceAgreeOnOneKey() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String bilan = TestKeys.bilan();
                // each thread its own DataKeys, as on eight replicas
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    DataKeys replica = new DataKeys(database, TestKeys.only("k1", masterBytes), clock);
                    results.add(threads.submit(() -> {
                        start.await();
                        return replica.keyOf(bilan).getEncoded();
                    }));
                }
                start.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<byte[]> result : results) {
                    distinct.add(HexFormat.of().formatHex(result.get()));
                }
                assertThat(distinct).hasSize(1);
                assertThat(stored.countDocuments(Filters.eq("_id", bilan))).isEqualTo(1);
                assertThat(distinct).containsExactly(HexFormat.of().formatHex(keys.keyOf(bilan).getEncoded()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void destroyingForgetsTheKeyForGoodAndKeepsATombstoneWithoutKeyMaterial() {
        String bilan = TestKeys.bilan();
        keys.keyOf(bilan);
        clock.set(Instant.parse("2027-03-01T10:00:00Z"));

        assertThat(keys.destroy(bilan)).isTrue();
        assertThat(keys.destroy(bilan)).isFalse();

        assertThatThrownBy(() -> keys.keyOf(bilan)).isInstanceOf(KeyDestroyed.class).hasMessageContaining(bilan);
        Document tombstone = stored.find(Filters.eq("_id", bilan)).first();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", DataKeys.CREATE_TIME, DataKeys.DESTROY_TIME);
        assertThat(keys.destroyTime(bilan)).contains(Instant.parse("2027-03-01T10:00:00Z"));
    }

    @Test
    void aBilanDestroyedBeforeItHadAKeyNeverGetsOne() {
        String bilan = TestKeys.bilan();

        assertThat(keys.destroy(bilan)).isTrue();

        assertThatThrownBy(() -> keys.keyOf(bilan)).isInstanceOf(KeyDestroyed.class);
        assertThat(keys.destroy(bilan)).isFalse();
        assertThat(keys.destroyTime(TestKeys.bilan())).isEmpty();
    }

    @Test
    void aWrappedKeyCopiedOntoAnotherBilanDoesNotUnwrap() {
        String bilan = TestKeys.bilan();
        String other = TestKeys.bilan();
        keys.keyOf(bilan);
        Document stolen = stored.find(Filters.eq("_id", bilan)).first();
        stored.insertOne(new Document(stolen).append("_id", other));

        assertThatThrownBy(() -> keys.keyOf(other)).isInstanceOf(MasterKeyUnavailable.class)
                .hasMessageContaining("does not unwrap with master key k1");
    }

    @Test
    void rotationUnwrapsWithTheRetiredKeyAndRewrapsUnderTheCurrentOneWhenRead() {
        String bilan = TestKeys.bilan();
        byte[] dataKey = keys.keyOf(bilan).getEncoded();
        byte[] newMaster = TestKeys.random32();
        DataKeys rotated = new DataKeys(database, TestKeys.ring("k2", newMaster, "k1", masterBytes), clock);

        assertThat(rotated.keyOf(bilan).getEncoded()).isEqualTo(dataKey);

        assertThat(stored.find(Filters.eq("_id", bilan)).first().getString(DataKeys.MASTER_KEY_ID)).isEqualTo("k2");
        DataKeys afterRetirement = new DataKeys(database, TestKeys.only("k2", newMaster), Clock.systemUTC());
        assertThat(afterRetirement.keyOf(bilan).getEncoded()).isEqualTo(dataKey);
        assertThatThrownBy(() -> keys.keyOf(bilan)).isInstanceOf(MasterKeyUnavailable.class)
                .hasMessageContaining("wrapped by master key k2, which is not configured")
                .extracting(e -> ((MasterKeyUnavailable) e).masterKeyId()).isEqualTo("k2");
    }

    @Test
    void rotationRewrapsTheKeysNobodyReadsOnRequest() {
        byte[] oldMaster = TestKeys.random32();
        DataKeys before = new DataKeys(database, TestKeys.only("old", oldMaster), clock);
        List<String> bilans = List.of(TestKeys.bilan(), TestKeys.bilan(), TestKeys.bilan());
        List<byte[]> dataKeys = bilans.stream().map(b -> before.keyOf(b).getEncoded()).toList();
        String destroyed = TestKeys.bilan();
        before.keyOf(destroyed);
        before.destroy(destroyed);
        byte[] newMaster = TestKeys.random32();
        DataKeys rotated = new DataKeys(database, TestKeys.ring("new", newMaster, "old", oldMaster), clock);

        assertThat(rotated.rewrapToCurrent()).isEqualTo(3);
        assertThat(rotated.rewrapToCurrent()).isZero();

        DataKeys retiredGone = new DataKeys(database, TestKeys.only("new", newMaster), clock);
        for (int i = 0; i < bilans.size(); i++) {
            assertThat(retiredGone.keyOf(bilans.get(i)).getEncoded()).isEqualTo(dataKeys.get(i));
        }
        assertThatThrownBy(() -> retiredGone.keyOf(destroyed)).isInstanceOf(KeyDestroyed.class);
    }

    @Test
    void anotherKeyUnderTheSameMasterKeyIdIsAClearFailureNotAnotherDataKey() {
        String bilan = TestKeys.bilan();
        keys.keyOf(bilan);
        DataKeys wrongMaster = new DataKeys(database, TestKeys.only("k1", TestKeys.random32()), clock);

        assertThatThrownBy(() -> wrongMaster.keyOf(bilan)).isInstanceOf(MasterKeyUnavailable.class)
                .hasMessageContaining("does not unwrap with master key k1");
    }

    @Test
    void aKeyStagedInTheKeyringBeforeItBecomesCurrentWrapsNothingYetAndReadsWhatItWillWrap() {
        String bilan = TestKeys.bilan();
        byte[] dataKey = keys.keyOf(bilan).getEncoded();
        byte[] newMaster = TestKeys.random32();
        // step 1 of a rotation: every replica learns k2, k1 stays current
        DataKeys staged = new DataKeys(database, TestKeys.ring("k1", masterBytes, "k2", newMaster), clock);

        assertThat(staged.rewrapToCurrent()).isZero();
        assertThat(staged.keyOf(bilan).getEncoded()).isEqualTo(dataKey);
        assertThat(stored.find(Filters.eq("_id", bilan)).first().getString(DataKeys.MASTER_KEY_ID)).isEqualTo("k1");

        // step 2: k2 current; a replica still at step 1 reads what it rewrapped
        DataKeys rotated = new DataKeys(database, TestKeys.ring("k2", newMaster, "k1", masterBytes), clock);
        assertThat(rotated.keyOf(bilan).getEncoded()).isEqualTo(dataKey);
        assertThat(stored.find(Filters.eq("_id", bilan)).first().getString(DataKeys.MASTER_KEY_ID)).isEqualTo("k2");
        String created = TestKeys.bilan();
        byte[] createdKey = rotated.keyOf(created).getEncoded();
        assertThat(stored.find(Filters.eq("_id", created)).first().getString(DataKeys.MASTER_KEY_ID)).isEqualTo("k2");
        assertThat(staged.keyOf(bilan).getEncoded()).isEqualTo(dataKey);
        assertThat(staged.keyOf(created).getEncoded()).isEqualTo(createdKey);
    }

    @Test
    void namesTheMasterKeysThatWrappedStoredKeysButAreMissingFromTheKeyring() {
        byte[] k0 = TestKeys.random32();
        new DataKeys(database, TestKeys.only("k0", k0), clock).keyOf(TestKeys.bilan());
        keys.keyOf(TestKeys.bilan());
        String destroyed = TestKeys.bilan();
        DataKeys old = new DataKeys(database, TestKeys.only("k-old", TestKeys.random32()), clock);
        old.keyOf(destroyed);
        old.destroy(destroyed);

        assertThat(keys.unknownMasterKeyIds()).containsExactly("k0");
        assertThat(new DataKeys(database, TestKeys.ring("k1", masterBytes, "k0", k0), clock).unknownMasterKeyIds()).isEmpty();
        // the sweep leaves what it cannot unwrap alone instead of failing on it
        assertThat(new DataKeys(database, TestKeys.ring("k2", TestKeys.random32(), "k1", masterBytes), clock)
                .rewrapToCurrent()).isEqualTo(1);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
