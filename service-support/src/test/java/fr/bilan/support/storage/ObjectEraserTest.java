package fr.bilan.support.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.bilan.embedded.EmbeddedS3Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;

/** {@link ObjectEraser} against the embedded S3Proxy (memory store), requests counted on the wire. */
class ObjectEraserTest {

    private static EmbeddedS3Server s3;
    private static int buckets;

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger deleteRequests = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Rewrites the store's answers to multi-object deletes; none by default. */
    private UnaryOperator<String> deleteAnswers = UnaryOperator.identity();
    private MinioClient client;
    private String bucket;

    @BeforeAll
    static void startStore() {
        s3 = EmbeddedS3Server.startInMemory();
    }

    @AfterAll
    static void stopStore() throws Exception {
        s3.close();
    }

    @BeforeEach
    void freshBucket() throws Exception {
        client = client(s3.endpoint());
        bucket = "erase-" + ++buckets;
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        requests.set(0);
    }

    @Test
    void erases2500KeysIn3Requests() throws Exception {
        List<String> keys = put(IntStream.range(0, 2500).mapToObj(i -> "bilans/b" + i % 7 + "/doc-" + i).toList());

        List<KeyErasure> outcomes = unlimited().erase(bucket, keys);

        assertThat(outcomes).hasSize(2500).allMatch(KeyErasure::deleted);
        assertThat(outcomes).extracting(KeyErasure::key).containsExactlyElementsOf(keys);
        assertThat(deleteRequests).hasValue(3);
        assertThat(registry.get(ObjectEraser.REQUESTS).counter().count()).isEqualTo(3);
        assertThat(registry.get(ObjectEraser.OBJECTS).tag("outcome", "deleted").counter().count()).isEqualTo(2500);
        assertThat(remaining()).isEmpty();
    }

    @Test
    void keysAlreadyAbsentCountAsDeleted() throws Exception {
        List<String> keys = put(List.of("a/1", "a/2"));
        ObjectEraser eraser = unlimited();
        eraser.erase(bucket, keys);

        assertThat(eraser.erase(bucket, keys)).extracting(KeyErasure::outcome)
                .containsExactly(KeyErasure.Outcome.DELETED, KeyErasure.Outcome.DELETED);
    }

    @Test
    void erasesExistingKeysAmongAbsentOnes() throws Exception {
        put(List.of("a/present-1", "b/present-2", "c/kept"));

        List<KeyErasure> outcomes = unlimited().erase(bucket, List.of("a/present-1", "a/absent", "b/present-2",
                "a/present-1"));

        assertThat(outcomes).extracting(KeyErasure::key).containsExactly("a/present-1", "a/absent", "b/present-2");
        assertThat(outcomes).allMatch(KeyErasure::deleted);
        assertThat(remaining()).containsExactly("c/kept");
    }

    @Test
    void anEmptyListSendsNoRequest() {
        assertThat(unlimited().erase(bucket, List.of())).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void invalidKeysAreRefusedBeforeAnyRequest() {
        ObjectEraser eraser = unlimited();
        assertThatThrownBy(() -> eraser.erase(bucket, List.of("a/1", ""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eraser.erase(bucket, Arrays.asList("a/1", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eraser.erase(bucket, List.of("x".repeat(1025))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void anUnreachableStoreFailsEveryKeyQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObjectEraser eraser = new ObjectEraser(client("http://127.0.0.1:" + closedPort), 0, registry);

        long start = System.nanoTime();
        List<KeyErasure> outcomes = eraser.erase(bucket, List.of("a/1", "a/2"));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(outcomes).extracting(KeyErasure::outcome)
                .containsExactly(KeyErasure.Outcome.FAILED, KeyErasure.Outcome.FAILED);
        assertThat(outcomes).extracting(KeyErasure::errorCode).containsOnly(ObjectEraser.UNREACHABLE);
        assertThat(registry.get(ObjectEraser.OBJECTS).tag("outcome", "failed").counter().count()).isEqualTo(2);
    }

    @Test
    void aMissingBucketFailsEveryKeyWithTheStoresCode() {
        List<KeyErasure> outcomes = unlimited().erase("no-such-bucket", List.of("a/1"));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.outcome()).isEqualTo(KeyErasure.Outcome.FAILED);
            assertThat(outcome.errorCode()).isEqualTo("NoSuchBucket");
        });
    }

    @Test
    void aKeyTheStoreRefusesFailsWithItsCodeAndLaterRequestsAreStillSent() throws Exception {
        List<String> keys = put(List.of("a/1", "a/denied", "a/3", "a/4", "a/5"));
        // S3Proxy never refuses a key: the answer to the first request (a/1, a/denied) says it did
        // (quiet mode: the answer lists errors only, an empty element when there are none)
        deleteAnswers = answer -> deleteRequests.get() > 1 ? answer : answer.replace("/>",
                "><Error><Key>a/denied</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                        + "</DeleteResult>");

        List<KeyErasure> outcomes = new ObjectEraser(client, 0, registry, 2).erase(bucket, keys);

        assertThat(outcomes).filteredOn(outcome -> !outcome.deleted()).singleElement()
                .isEqualTo(new KeyErasure("a/denied", KeyErasure.Outcome.FAILED, "AccessDenied", "Access Denied"));
        assertThat(deleteRequests).hasValue(3);
        assertThat(remaining()).isEmpty();
        assertThat(registry.get(ObjectEraser.OBJECTS).tag("outcome", "failed").counter().count()).isEqualTo(1);
    }

    @Test
    void requestsArePacedToTheLimit() throws Exception {
        List<String> keys = put(List.of("a/1", "a/2", "a/3"));

        long start = System.nanoTime();
        // the versioning question and three deletes of one key: four requests at two a second
        List<KeyErasure> outcomes = new ObjectEraser(client, 2, registry, 1).erase(bucket, keys);

        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 5_000L);
        assertThat(outcomes).allMatch(KeyErasure::deleted);
        assertThat(requests).hasValue(4);
    }

    private ObjectEraser unlimited() {
        return new ObjectEraser(client, 0, registry);
    }

    private List<String> put(List<String> keys) throws Exception {
        for (String key : keys) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(new byte[] {1}), 1L, null).build());
        }
        requests.set(0);
        deleteRequests.set(0);
        return keys;
    }

    private List<String> remaining() throws Exception {
        List<String> keys = new ArrayList<>();
        for (var result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            keys.add(result.get().objectName());
        }
        return keys;
    }

    private MinioClient client(String endpoint) {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            requests.incrementAndGet();
            var response = chain.proceed(request);
            if (!"POST".equals(request.method()) || request.url().queryParameter("delete") == null) {
                return response;
            }
            deleteRequests.incrementAndGet();
            ResponseBody body = response.body();
            return response.newBuilder()
                    .body(ResponseBody.create(deleteAnswers.apply(body.string()), body.contentType())).build();
        }).build();
        return MinioClient.builder().endpoint(endpoint).region("us-east-1").httpClient(http)
                .credentials(s3.accessKey(), s3.secretKey()).build();
    }
}
