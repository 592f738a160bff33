package fr.bilan.retention.purge;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.embedded.EmbeddedS3Server;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsResponse;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.consent.ConsentChanges;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.hold.LegalHolds;
import fr.bilan.retention.holder.DocumentHolders;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.retention.schedule.ScheduleKeeper;
import fr.bilan.retention.schedule.Timelines;
import fr.bilan.support.storage.KeyErasure;
import fr.bilan.support.storage.ObjectEraser;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
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
 * versioning question, outcomes per key) adds to; {@code purge}: the whole service path, a real
 * {@link Purge} (built by hand, no Spring context) over the embedded MongoDB with a registry entry
 * per object (ended bilans, due; written with the puts, not measured), deleting through a holder
 * served over real gRPC on loopback that erases with ObjectEraser, certifying in batches and
 * marking the entries destroyed. Each iteration checks the bucket is empty after, and for the purge
 * that every entry is destroyed and certified once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class PurgeThroughputBenchmark {

    private static final String BUCKET = "bilan-synthesis";
    private static final int KEYS_PER_REQUEST = 1000;
    /** Parallel uploads while filling the store (more do not help: S3Proxy takes about 330 puts a second here). */
    private static final int UPLOADERS = 4;

    /** Documents per bilan, and centres (one certificate chain each) the bilans spread over. */
    private static final int DOCUMENTS_PER_BILAN = 10;
    private static final int CENTRES = 10;

    /**
     * 20,000 by default: putting them takes a minute per iteration at S3Proxy's pace; 100,000 take
     * five (bench/purge-throughput.sh takes the count as an argument).
     */
    @Param("20000")
    public int objects;

    private EmbeddedRegistry mongo;
    private Server holderServer;
    private ManagedChannel holderChannel;
    private MongoDatabase database;
    private Purge service;
    private int iteration;

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
        mongo = new EmbeddedRegistry();
        holderServer = ServerBuilder.forPort(0).addService(new Holder(eraser)).build().start();
        holderChannel = ManagedChannelBuilder.forAddress("127.0.0.1", holderServer.getPort()).usePlaintext().build();
    }

    @Setup(Level.Iteration)
    public void putObjects(BenchmarkParams params) throws Exception {
        if (params.getBenchmark().endsWith(".purge")) {
            seedRegistry();
        }
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

    /**
     * A fresh database with the purge's collaborators, as PurgeConfiguration wires them, and an
     * entry per object: bilans of {@value #DOCUMENTS_PER_BILAN} working documents, ended two days ago
     * (due at their end), over {@value #CENTRES} centres.
     */
    private void seedRegistry() {
        database = mongo.database("retention-" + ++iteration);
        Clock clock = Clock.systemUTC();
        RuleBook rules = RuleBook.fromClasspath();
        RetentionPolicy policy = new RetentionPolicy(rules);
        Registry registry = new Registry(database);
        ActionEnds ends = new ActionEnds(database);
        Timelines timelines = new Timelines(ends, new ConsentChanges(database), new LegalHolds(database));
        PurgeProperties properties = new PurgeProperties("-", "Europe/Paris", 1000, Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofHours(26), Duration.ofSeconds(30));
        DocumentHolders holders = new DocumentHolders(
                Map.of(EmbeddedRegistry.HOLDER, DocumentHolderServiceGrpc.newBlockingStub(holderChannel)),
                properties.callTimeout());
        service = new Purge(registry, ends, timelines, policy, new ScheduleKeeper(registry, timelines, policy, rules, clock),
                holders, new DestructionCertificates(database, clock),
                new PurgeMetrics(new SimpleMeterRegistry(), registry, properties.overdueAfter(), clock), properties, clock);

        Instant end = Instant.now().minus(Duration.ofDays(2));
        Instant start = end.minus(Duration.ofDays(60));
        int bilans = (objects + DOCUMENTS_PER_BILAN - 1) / DOCUMENTS_PER_BILAN;
        EmbeddedRegistry.insert(database.getCollection(ActionEnds.COLLECTION), bilans,
                b -> EmbeddedRegistry.actionEnd("assessment-" + b, "beneficiary-" + b, "centre-" + b % CENTRES, start,
                        end));
        EmbeddedRegistry.insert(EmbeddedRegistry.documents(database), objects, i -> {
            int b = i % bilans;
            return EmbeddedRegistry.entry("document-" + i, "assessment-" + b, "beneficiary-" + b, "centre-" + b % CENTRES,
                    BUCKET, keys.get(i), end.minus(Duration.ofDays(1)), DestructionState.SCHEDULED, end,
                    rules.fingerprint());
        });
    }

    @TearDown(Level.Iteration)
    public void checkEmpty(BenchmarkParams params) throws Exception {
        for (Result<?> left : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            throw new IllegalStateException("Not erased: " + left.get());
        }
        if (params.getBenchmark().endsWith(".purge")) {
            long certified = database.getCollection(DestructionCertificates.COLLECTION).countDocuments();
            long destroyed = EmbeddedRegistry.documents(database)
                    .countDocuments(Filters.eq("state", DestructionState.DESTROYED.name()));
            if (certified != objects || destroyed != objects) {
                throw new IllegalStateException(objects + " objects, " + certified + " certificates, " + destroyed
                        + " entries destroyed");
            }
            database.drop();
        }
    }

    @TearDown(Level.Trial)
    public void stopStore() throws Exception {
        holderChannel.shutdownNow();
        holderServer.shutdownNow();
        mongo.close();
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

    @Benchmark
    public long purge() {
        PurgeTally tally = new PurgeTally();
        String runId = "bench-" + iteration;
        service.run(runId, tally, new Purge.Progress(runId, tally));
        if (tally.destroyed() != objects) {
            throw new IllegalStateException(tally.destroyed() + " destroyed of " + objects);
        }
        return tally.destroyed();
    }

    /** A holder as synthesis-service is one to the purge: ObjectEraser in its bucket, no rate limit. */
    static final class Holder extends DocumentHolderServiceGrpc.DocumentHolderServiceImplBase {

        private final ObjectEraser eraser;

        Holder(ObjectEraser eraser) {
            this.eraser = eraser;
        }

        @Override
        public void deleteDocuments(DeleteDocumentsRequest request, StreamObserver<DeleteDocumentsResponse> response) {
            DeleteDocumentsResponse.Builder answer = DeleteDocumentsResponse.newBuilder();
            for (KeyErasure erasure : eraser.erase(request.getBucket(), request.getObjectKeysList())) {
                answer.addDeletions(DocumentDeletion.newBuilder().setObjectKey(erasure.key()).setDeleted(erasure.deleted())
                        .setFailure(erasure.deleted() ? "" : String.valueOf(erasure.errorCode())));
            }
            response.onNext(answer.build());
            response.onCompleted();
        }
    }
}
