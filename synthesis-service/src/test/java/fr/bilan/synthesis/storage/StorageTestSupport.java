package fr.bilan.synthesis.storage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.synthesis.SynthesisApplication;
import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;

/**
 * The service as it starts (embedded MongoDB and S3Proxy, in memory), with a clock tests move and
 * a {@link RecordedObjects} tests fill; one context for all the storage tests.
 */
@SpringBootTest(classes = {SynthesisApplication.class, StorageTestSupport.TestBeans.class})
abstract class StorageTestSupport extends GrpcServiceTestSupport {

    /** What the synthesis repository would say: the keys a test records. */
    static final class KnownObjects implements RecordedObjects {

        private final Set<String> recorded = ConcurrentHashMap.newKeySet();

        void record(String objectKey) {
            recorded.add(objectKey);
        }

        void forget() {
            recorded.clear();
        }

        @Override
        public boolean isRecorded(String objectKey) {
            return recorded.contains(objectKey);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        TestClock clock() {
            return new TestClock();
        }

        @Bean
        KnownObjects recordedObjects() {
            return new KnownObjects();
        }
    }

    @Autowired
    protected ObjectStorage storage;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected KnownObjects known;

    @AfterEach
    void resetClockAndRecords() {
        clock.reset();
        known.forget();
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
