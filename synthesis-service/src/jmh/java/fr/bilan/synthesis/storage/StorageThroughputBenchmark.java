package fr.bilan.synthesis.storage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import fr.bilan.embedded.EmbeddedS3Server;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.synthesis.vault.DataKeys;
import fr.bilan.synthesis.vault.MasterKeys;
import fr.bilan.synthesis.vault.Sealing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

/**
 * Upload (seal + put) and download (get + open + SHA-256 check) of a synthèse-sized document through
 * {@link EncryptedDocuments}, against the embedded S3Proxy (transient store) and the embedded MongoDB
 * (memory) the service starts when nothing is configured, both on loopback in the benchmark's JVM.
 * The baselines are the same bytes put and got through the MinIO client with no encryption, so the
 * cost of encryption reads as a ratio; {@code seal} and {@code open} alone (the bilan's key read
 * from MongoDB included, no S3) show where that cost goes. Payloads: 300 KB and 3 MB, a PDF header
 * then random bytes (a PDF's compressed streams do not compress further). Sample time, for p50/p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class StorageThroughputBenchmark {

    @Param({"300000", "3000000"})
    public int size;

    private EmbeddedS3Server s3;
    private MongoServer mongo;
    private MongoClient mongoClient;
    private MinioClient minio;
    private String bucket;
    private EncryptedDocuments documents;
    private Sealing sealing;
    private byte[] pdf;
    private byte[] sealed;
    private String bilan;
    private String encryptedKey;
    private String uploadKey;
    private String plainKey;
    private String plainUploadKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // the embedded servers log each request at DEBUG without a logging configuration
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        s3 = EmbeddedS3Server.startInMemory();
        minio = s3.client();
        bucket = "bilan-synthesis";
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());

        byte[] master = new byte[MasterKeys.KEY_BYTES];
        new SplittableRandom(1).nextBytes(master);
        DataKeys keys = new DataKeys(mongoClient.getDatabase("bilan"), new MasterKeys("k1", Map.of("k1", master)),
                Clock.systemUTC());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        sealing = new Sealing(keys, registry);
        documents = new EncryptedDocuments(new ObjectStorage(minio, bucket), sealing, registry);

        pdf = new byte[size];
        new SplittableRandom(2026).nextBytes(pdf);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        bilan = UUID.randomUUID().toString();
        encryptedKey = ObjectKeys.synthesis(bilan, UUID.randomUUID().toString());
        uploadKey = ObjectKeys.synthesis(bilan, UUID.randomUUID().toString());
        plainKey = ObjectKeys.synthesis(bilan, UUID.randomUUID().toString());
        plainUploadKey = ObjectKeys.synthesis(bilan, UUID.randomUUID().toString());
        documents.put(bilan, encryptedKey, pdf);
        plainUpload();
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object(plainKey)
                .stream(new ByteArrayInputStream(pdf), (long) pdf.length, null).build());
        sealed = sealing.seal(bilan, pdf, encryptedKey);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        mongoClient.close();
        mongo.shutdownNow();
        s3.close();
    }

    @Benchmark
    public StoredObject encryptedUpload() {
        return documents.put(bilan, uploadKey, pdf);
    }

    @Benchmark
    public byte[] encryptedDownload() {
        return documents.get(bilan, encryptedKey);
    }

    @Benchmark
    public Object plainUpload() throws Exception {
        return minio.putObject(PutObjectArgs.builder().bucket(bucket).object(plainUploadKey)
                .stream(new ByteArrayInputStream(pdf), (long) pdf.length, null).build());
    }

    @Benchmark
    public byte[] plainDownload() throws Exception {
        try (var in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(plainKey).build())) {
            return in.readAllBytes();
        }
    }

    @Benchmark
    public byte[] seal() {
        return sealing.seal(bilan, pdf, encryptedKey);
    }

    @Benchmark
    public byte[] open() {
        return sealing.open(bilan, sealed, encryptedKey);
    }
}
