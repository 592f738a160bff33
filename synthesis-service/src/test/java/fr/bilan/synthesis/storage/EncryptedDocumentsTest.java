package fr.bilan.synthesis.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.synthesis.vault.DataKeys;
import fr.bilan.synthesis.vault.KeyDestroyed;
import fr.bilan.synthesis.vault.MasterKeys;
import fr.bilan.synthesis.vault.SealBroken;
import fr.bilan.synthesis.vault.Sealing;
import io.micrometer.core.instrument.MeterRegistry;

class EncryptedDocumentsTest extends StorageTestSupport {

    @Autowired
    private EncryptedDocuments documents;
    @Autowired
    private DataKeys dataKeys;
    @Autowired
    private MasterKeys masterKeys;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private MeterRegistry registry;

    private final String bilan = newId();
    private final String key = ObjectKeys.synthesis(bilan, newId());

    @Test
    void givesBackTheDocumentItStored() {
        for (int size : new int[] {1, 300_000, 6_000_000}) {
            byte[] plain = pdf(size);
            String objectKey = ObjectKeys.synthesis(bilan, newId());

            StoredObject stored = documents.put(bilan, objectKey, plain);

            assertThat(stored.objectKey()).isEqualTo(objectKey);
            assertThat(stored.plainSize()).isEqualTo(size);
            assertThat(stored.storedSize()).isEqualTo(size + Sealing.OVERHEAD);
            assertThat(documents.get(bilan, objectKey)).as("%d bytes", size).isEqualTo(plain);
        }
    }

    @Test
    void theBucketHoldsCiphertextOnlyWithIdsInItsMetadata() throws Exception {
        byte[] plain = pdf(300_000);

        documents.put(bilan, key, plain);

        byte[] raw = raw(key);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(raw).hasSize(plain.length + 2 + 12 + 16);
        assertThat(stat(key).size()).isEqualTo(plain.length + Sealing.OVERHEAD);
        assertThat(stat(key).contentType()).isEqualTo("application/octet-stream");
        assertThat(metadata(key)).containsOnly(Map.entry("assessment-id", bilan), Map.entry("format", "1"),
                Map.entry("plain-sha256", sha256(plain)));
    }

    @Test
    void recordsTheSha256OfThePlainDocument() throws Exception {
        byte[] plain = pdf(1000);

        StoredObject stored = documents.put(bilan, key, plain);

        assertThat(stored.sha256()).isEqualTo(sha256(plain)).hasSize(64);
        assertThat(stored.sha256()).isNotEqualTo(sha256(raw(key)));
    }

    @Test
    void refusesAnObjectAlteredInTheBucket() throws Exception {
        documents.put(bilan, key, pdf(10_000));
        byte[] altered = raw(key);
        altered[5_000] ^= 0x20;
        putRaw(key, altered, metadata(key));

        assertThatThrownBy(() -> documents.get(bilan, key)).isInstanceOf(SealBroken.class);
    }

    @Test
    void refusesAnObjectWhoseRecordedSha256WasChanged() throws Exception {
        byte[] plain = pdf(10_000);
        documents.put(bilan, key, plain);
        Map<String, String> metadata = new HashMap<>(metadata(key));
        metadata.put("plain-sha256", sha256(pdf(10)));
        putRaw(key, raw(key), metadata);

        assertThatThrownBy(() -> documents.get(bilan, key)).isInstanceOf(SealBroken.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void anObjectCopiedUnderAnotherKeyOrBilanDoesNotOpen() throws Exception {
        documents.put(bilan, key, pdf(10_000));
        String sameBilanOtherKey = ObjectKeys.synthesis(bilan, newId());
        String otherBilan = newId();
        String otherBilanKey = ObjectKeys.synthesis(otherBilan, newId());
        documents.put(otherBilan, ObjectKeys.synthesis(otherBilan, newId()), pdf(10));
        Map<String, String> asOtherBilan = new HashMap<>(metadata(key));
        asOtherBilan.put("assessment-id", otherBilan);

        putRaw(sameBilanOtherKey, raw(key), metadata(key));
        putRaw(otherBilanKey, raw(key), asOtherBilan);

        assertThatThrownBy(() -> documents.get(bilan, sameBilanOtherKey)).isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> documents.get(otherBilan, otherBilanKey)).isInstanceOf(SealBroken.class);
    }

    @Test
    void afterItsKeyIsDestroyedTheDocumentCanNeverBeReadAgain() throws Exception {
        documents.put(bilan, key, pdf(10_000));

        assertThat(dataKeys.destroy(bilan)).isTrue();

        assertThatThrownBy(() -> documents.get(bilan, key)).isInstanceOf(KeyDestroyed.class);
        assertThatThrownBy(() -> dataKeys.keyOf(bilan)).isInstanceOf(KeyDestroyed.class);
        assertThatThrownBy(() -> documents.put(bilan, key, pdf(10))).isInstanceOf(KeyDestroyed.class);
        // the ciphertext may survive (an old version, a backup): nothing left can open it, master key or not
        assertThat(raw(key)).hasSize(10_000 + Sealing.OVERHEAD);
        assertThat(database.getCollection("assessment_keys").find(Filters.eq("_id", bilan)).first().keySet())
                .containsExactlyInAnyOrder("_id", "createTime", "destroyTime");
        DataKeys anotherReplica = new DataKeys(database, masterKeys, clock);
        assertThatThrownBy(() -> anotherReplica.keyOf(bilan)).isInstanceOf(KeyDestroyed.class);
    }

    @Test
    void refusesKeysThatAreNotIdsOrNotTheBilansBeforeUploading() throws Exception {
        assertThatThrownBy(() -> documents.put(bilan, "assessments/" + bilan + "/synthesis/Jean Dupont.pdf", pdf(10)))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("Dupont");
        assertThatThrownBy(() -> documents.put(bilan, ObjectKeys.synthesis(newId(), newId()), pdf(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of the given bilan's");
        assertThatThrownBy(() -> documents.get(newId(), key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.client().listObjects(io.minio.ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("assessments/" + bilan + "/").recursive(true).build())).isEmpty();
    }

    @Test
    void removesAnObjectAndSaysWhenOneIsMissing() {
        documents.put(bilan, key, pdf(100));

        documents.remove(key);

        assertThatThrownBy(() -> documents.get(bilan, key)).isInstanceOf(StoredObjectMissing.class);
    }

    @Test
    void timesUploadsAndDownloadsWithTheirSealing() {
        long uploads = registry.get("bilan.synthesis.documents").tag("operation", "upload").timer().count();
        long opens = registry.get("bilan.synthesis.sealing").tag("operation", "open").timer().count();

        documents.get(bilan, documents.put(bilan, key, pdf(100)).objectKey());

        assertThat(registry.get("bilan.synthesis.documents").tag("operation", "upload").timer().count())
                .isEqualTo(uploads + 1);
        assertThat(registry.get("bilan.synthesis.sealing").tag("operation", "open").timer().count()).isEqualTo(opens + 1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theChartReadsItsOutboxMetrics() {
        assertTheChartReadsItsOutboxMetrics();
    }
}
