package fr.bilan.synthesis.storage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.TestClock;
import fr.bilan.synthesis.SynthesisServiceTestSupport;
import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;

/**
 * The storage tests, in the service's one test context (embedded MongoDB and S3Proxy, in memory), with
 * the bucket at hand.
 */
abstract class StorageTestSupport extends SynthesisServiceTestSupport {

    @Autowired
    protected ObjectStorage storage;
    @Autowired
    protected TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A PDF-like document: the PDF header, then bytes that do not compress. */
    static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        RandomGenerator.getDefault().nextBytes(pdf);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, Math.min(header.length, size));
        return pdf;
    }

    /** The object's bytes as the store holds them. */
    byte[] raw(String objectKey) throws Exception {
        try (var in = storage.client().getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build())) {
            return in.readAllBytes();
        }
    }

    StatObjectResponse stat(String objectKey) throws Exception {
        return storage.client().statObject(StatObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build());
    }

    /** Writes bytes straight into the store, as someone with access to the bucket could. */
    void putRaw(String objectKey, byte[] bytes, Map<String, String> metadata) throws Exception {
        storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(objectKey)
                .stream(new ByteArrayInputStream(bytes), (long) bytes.length, null).userMetadata(metadata).build());
    }

    Map<String, String> metadata(String objectKey) throws Exception {
        Map<String, String> metadata = new HashMap<>();
        stat(objectKey).userMetadata().forEach(entry -> metadata.put(entry.getKey().toLowerCase(), entry.getValue()));
        return metadata;
    }
}
