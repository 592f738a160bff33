package fr.bilan.retention.purge;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

import fr.bilan.support.embedded.EmbeddedS3Server;
import fr.bilan.support.storage.KeyErasure;
import fr.bilan.support.storage.ObjectEraser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;

/**
 * Destruction throughput against the embedded S3Proxy (memory store) on loopback, in the benchmark's
 * JVM: {@code objects} small objects, put afresh before each iteration (not measured), all deleted by
 * one invocation. {@code eraser}: {@link ObjectEraser} with no rate limit; {@code bareClient}: the
 * MinIO client's multi-object delete on 1,000-key lists, the floor the eraser's bookkeeping (the
 * versioning question, outcomes per key) adds to. Each iteration checks the bucket is empty after.
 * A benchmark of the whole purge (registry and certificates) takes the same state: one more method.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class PurgeThroughputBenchmark {

    private static final String BUCKET = "bilan-retention";
    private static final int KEYS_PER_REQUEST = 1000;
    /** Parallel uploads while filling the store (more do not help: S3Proxy takes about 330 puts a second here). */
    private static final int UPLOADERS = 4;

    /**
     * 20,000 rather than 100,000: putting them takes a minute per iteration at S3Proxy's pace, and
     * 100,000 would take five, twenty minutes for a run of two benchmarks of two iterations each.
     */
    @Param("20000")
    public int objects;

    private EmbeddedS3Server s3;
    private MinioClient minio;
    private ObjectEraser eraser;
    private List<String> keys;

    @Setup(Level.Trial)
    public void startStore() throws Exception {
        // the embedded server logs each request at DEBUG without a logging configuration
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        s3 = EmbeddedS3Server.startInMemory();
        minio = s3.client();
        minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        eraser = new ObjectEraser(minio, 0, new SimpleMeterRegistry());
        // a bilan's documents share a folder, as the services store them
        keys = IntStream.range(0, objects).mapToObj(i -> "bilans/" + i % 10_000 + "/document-" + i).toList();
    }

    @Setup(Level.Iteration)
    public void putObjects() throws Exception {
        ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (String key : keys) {
                uploads.add(uploaders.submit(() -> minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                        .stream(new ByteArrayInputStream(new byte[] {'%'}), 1L, null).build())));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            uploaders.shutdown();
        }
    }

    @TearDown(Level.Iteration)
    public void checkEmpty() throws Exception {
        for (Result<?> left : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            throw new IllegalStateException("Not erased: " + left.get());
        }
    }

    @TearDown(Level.Trial)
    public void stopStore() throws Exception {
        s3.close();
    }

    @Benchmark
    public List<KeyErasure> eraser() {
        List<KeyErasure> outcomes = eraser.erase(BUCKET, keys);
        if (!outcomes.stream().allMatch(KeyErasure::deleted)) {
            throw new IllegalStateException("Failed erasures: " + outcomes.stream().filter(o -> !o.deleted()).toList());
        }
        return outcomes;
    }

    @Benchmark
    public int bareClient() throws Exception {
        int errors = 0;
        for (int from = 0; from < keys.size(); from += KEYS_PER_REQUEST) {
            List<DeleteRequest.Object> request = keys.subList(from, Math.min(from + KEYS_PER_REQUEST, keys.size()))
                    .stream().map(DeleteRequest.Object::new).toList();
            for (Result<DeleteResult.Error> error : minio.removeObjects(
                    RemoveObjectsArgs.builder().bucket(BUCKET).objects(request).build())) {
                error.get();
                errors++;
            }
        }
        if (errors > 0) {
            throw new IllegalStateException(errors + " failed deletions");
        }
        return errors;
    }
}
