package fr.bilan.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.retention.document.StoredDocuments;
import fr.bilan.retention.proof.Anchor;
import fr.bilan.retention.proof.CertificateChain;
import fr.bilan.retention.proof.DestructionCertificate;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.retention.proof.DocumentIdentity;
import fr.bilan.support.testing.TestIdentityProvider;
import io.minio.ListObjectsArgs;

/**
 * A purge process killed mid-run (SIGKILL) and restarted: the restart waits for the dead runner's
 * lease, closes its run as interrupted, and completes; no object is left behind, nothing is
 * certified twice, and no batch the killed run recorded is asked of the holder again.
 * <p>
 * This JVM holds what outlives the killed process: the embedded MongoDB on a TCP port, and the
 * holder with its S3 store on real gRPC (slowed, so that the kill lands mid-run). The killed purge runs
 * in a child JVM ({@link PurgeCrashChild}), the restart in this test's own Spring context, pointed at
 * the same stores.
 */
@TestPropertySource(properties = {"bilan.retention.purge.batch-size=10", "bilan.retention.purge.lock-lease=30s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PurgeCrashTest extends PurgeTestSupport {

    private static final int BILANS = 12;
    private static final int OBJECTS_PER_BILAN = 25;
    private static final int OBJECTS = BILANS * OBJECTS_PER_BILAN;
    private static final int BATCH = 10;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Path CHILD_LOG = Path.of("target", "purge-crash", "child.log");

    private static final MongoServer MONGO = startMongo();
    private static final String MONGO_URI = "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/bilan";
    private static Process child;

    @Autowired
    private MongoDatabase database;
    @Autowired
    private DestructionCertificates certificates;

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @DynamicPropertySource
    static void sharedStores(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopAll() throws Exception {
        killChild();
        MONGO.shutdownNow();
    }

    @Test
    void aPurgeKilledMidRunIsResumedAfterItsLeaseAndLeavesNothingBehindNorCertifiesAnythingTwice() throws Exception {
        try {
            killedMidRunThenResumed();
        } catch (AssertionError | Exception e) {
            System.err.println("---- tail of the child's output (" + CHILD_LOG.toAbsolutePath() + ") ----");
            System.err.println(tail(CHILD_LOG, 60));
            throw e;
        } finally {
            killChild();
        }
    }

    private void killedMidRunThenResumed() throws Exception {
        List<String> assessments = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> centres = new HashSet<>();
        Instant end = Instant.now().minus(2, ChronoUnit.DAYS);
        for (int bilan = 0; bilan < BILANS; bilan++) {
            String centre = "centre-crash-" + bilan % 2;
            String assessment = newId("bilan");
            String beneficiary = newId("beneficiary");
            for (int document = 0; document < OBJECTS_PER_BILAN; document++) {
                keys.add(storeAndRegister(assessment, beneficiary, centre,
                        document % 2 == 0 ? DocumentKind.WORKING_DOCUMENT : DocumentKind.TEST_RESULT));
            }
            endAction(assessment, beneficiary, centre, end.minus(60, ChronoUnit.DAYS), end);
            assessments.add(assessment);
            centres.add(centre);
        }
        MongoCollection<Document> registry = database.getCollection(StoredDocuments.COLLECTION);
        MongoCollection<Document> runs = database.getCollection(PurgeRuns.COLLECTION);
        MongoCollection<Document> certified = database.getCollection(DestructionCertificates.COLLECTION);
        Bson ours = Filters.and(Filters.in("assessmentId", assessments), Filters.eq("holder", HOLDER_NAME));
        // each ended bilan also has its holder's content (with its key) registered, to erase after its objects
        assertThat(registry.countDocuments(Filters.and(ours, Filters.eq("form", "object")))).isEqualTo(OBJECTS);
        assertThat(registry.countDocuments(Filters.and(ours, Filters.eq("form", "content")))).isEqualTo(BILANS);
        // and its process evidence at session-service, notification-service and quality-service, kept three
        // years: not this purge's (no funding was recorded, so no agreement at beneficiary-service)
        Bson evidence = Filters.and(Filters.in("assessmentId", assessments), Filters.ne("holder", HOLDER_NAME));
        assertThat(registry.countDocuments(evidence)).isEqualTo(3L * BILANS);
        long entries = OBJECTS + BILANS;
        assertThat(storedOf(keys)).hasSize(OBJECTS);

        // the first runner, in a process of its own, killed once some batches are destroyed
        HOLDER.delayMillis = 200;
        child = startChild();
        long destroyedAtKill = awaitDestroyed(registry, ours, Duration.ofSeconds(90));
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child died").isTrue();
        Instant killed = Instant.now();
        assertThat(child.exitValue()).as("killed, not ended on its own").isNotZero();

        Set<String> destroyedBeforeKill = idsOf(registry.find(Filters.and(ours, Filters.eq("state", "DESTROYED"))));
        assertThat(destroyedBeforeKill.size()).as("destroyed when killed").isBetween((int) destroyedAtKill, OBJECTS - 1);
        assertThat(destroyedBeforeKill).allMatch(id -> !id.startsWith("content:"));
        assertThat(HOLDER.erasedContent).as("no content erased before the objects").isEmpty();
        assertThat(storedOf(keys)).hasSizeBetween(1, OBJECTS - destroyedBeforeKill.size());
        List<Document> running = runs.find(Filters.eq("state", PurgeRunState.RUNNING.name())).into(new ArrayList<>());
        assertThat(running).as("the killed run, left RUNNING").hasSize(1);
        String killedRun = running.get(0).getString("_id");
        assertThat(running.get(0).getString("createBy")).isEqualTo("purge-crash-child");
        // progress is saved after every batch (progress-every 0s): the killed run shows how far it went
        assertThat(running.get(0).get("destroyed", Number.class).longValue()).isBetween(1L,
                (long) destroyedBeforeKill.size());
        assertThat(certified.countDocuments(Filters.eq("runId", killedRun))).isGreaterThanOrEqualTo(destroyedBeforeKill.size());
        List<String> askedBeforeKill = List.copyOf(HOLDER.deleteRequests);
        HOLDER.delayMillis = 0;

        // the restart: refused while the dead runner's lease lives, then resumes the work
        assertThat(runner.runNow(PurgeTrigger.SCHEDULE, "restart")).as("while the killed runner's lease lives").isEmpty();
        assertThat(runs.countDocuments(Filters.eq("state", PurgeRunState.RUNNING.name()))).isEqualTo(1);
        Optional<String> restarted = Optional.empty();
        while (restarted.isEmpty() && Duration.between(killed, Instant.now()).compareTo(LEASE.plusSeconds(15)) < 0) {
            Thread.sleep(500);
            restarted = runner.runNow(PurgeTrigger.SCHEDULE, "restart");
        }
        assertThat(restarted).as("a run once the lease expired (within %s of the kill)", LEASE.plusSeconds(15)).isPresent();
        String restartRun = restarted.get();

        // the runs: the killed one closed as interrupted, the restart succeeded
        Document closed = runs.find(Filters.eq("_id", killedRun)).first();
        assertThat(closed.getString("state")).isEqualTo(PurgeRunState.FAILED.name());
        assertThat(closed.getString("failure")).startsWith("Interrompue avant sa fin");
        Document resumed = runs.find(Filters.eq("_id", restartRun)).first();
        assertThat(resumed.getString("state")).isEqualTo(PurgeRunState.SUCCEEDED.name());
        assertThat(resumed.get("destroyed", Number.class).longValue()).as("what the restart destroyed")
                .isEqualTo(entries - destroyedBeforeKill.size());
        assertThat(resumed.get("failed", Number.class).longValue()).isZero();
        assertThat(runs.countDocuments(Filters.eq("state", PurgeRunState.RUNNING.name()))).isZero();

        // no object left behind; every entry destroyed
        assertThat(storedOf(keys)).isEmpty();
        for (String key : keys) {
            assertThat(stored(key)).as(key).isFalse();
        }
        List<Document> all = registry.find(ours).into(new ArrayList<>());
        assertThat(all).hasSize((int) entries).allMatch(entry -> "DESTROYED".equals(entry.getString("state")));
        // the killed run's records stand: nothing it recorded was destroyed again
        assertThat(all).filteredOn(entry -> destroyedBeforeKill.contains(entry.getString("_id")))
                .allMatch(entry -> killedRun.equals(entry.getString("runId")));
        assertThat(all).filteredOn(entry -> !destroyedBeforeKill.contains(entry.getString("_id")))
                .allMatch(entry -> restartRun.equals(entry.getString("runId")));

        // the holder: every key asked; asked twice only what was in flight at the kill (one batch)
        assertThat(Set.copyOf(HOLDER.deleteRequests)).containsExactlyInAnyOrderElementsOf(keys);
        Map<String, Long> asks = HOLDER.deleteRequests.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        Set<String> askedTwice = asks.entrySet().stream().filter(ask -> ask.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(asks.values()).allMatch(count -> count <= 2);
        assertThat(askedTwice).hasSizeLessThanOrEqualTo(BATCH).isSubsetOf(askedBeforeKill);
        Set<String> keysDestroyedBeforeKill = all.stream()
                .filter(entry -> destroyedBeforeKill.contains(entry.getString("_id")))
                .map(entry -> entry.getString("objectKey")).collect(Collectors.toSet());
        assertThat(askedTwice).doesNotContainAnyElementsOf(keysDestroyedBeforeKill);
        // each bilan's content erased once, after its objects, by the restart; its process evidence kept
        assertThat(HOLDER.erasedContent).containsExactlyInAnyOrderElementsOf(assessments);
        assertThat(registry.find(evidence).into(new ArrayList<>()))
                .allMatch(entry -> "SCHEDULED".equals(entry.getString("state")));
        assertThat(SESSION_HOLDER.erasures).isEmpty();
        assertThat(BENEFICIARY_HOLDER.erasures).isEmpty();

        // one certificate per destroyed entry, the one its identity names; every chain intact
        List<Document> certificateDocuments = certified.find(Filters.in("centreId", centres)).into(new ArrayList<>());
        assertThat(certificateDocuments).hasSize((int) entries);
        assertThat(certificateDocuments.stream().map(certificate -> certificate.getString("documentHash")).distinct())
                .hasSize((int) entries);
        assertThat(certificateDocuments.stream().map(certificate -> certificate.getString("documentHash"))
                .collect(Collectors.toSet())).isEqualTo(all.stream().map(entry -> new DocumentIdentity(
                        entry.getString("_id"), entry.get("bucket", ""), entry.get("objectKey", "")).hash())
                .collect(Collectors.toSet()));
        for (String centre : centres) {
            List<DestructionCertificate> chain = certificates.chainOf(centre).into(new ArrayList<>());
            assertThat(chain).as(centre).hasSize((int) entries / centres.size());
            assertThat(CertificateChain.verify(centre, Anchor.GENESIS, chain).intact()).as(centre).isTrue();
        }
    }

    /** Waits until more than a batch of objects but not all of them are destroyed; how many. */
    private long awaitDestroyed(MongoCollection<Document> registry, Bson ours, Duration timeout) throws Exception {
        Bson destroyed = Filters.and(ours, Filters.eq("state", "DESTROYED"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long count = registry.countDocuments(destroyed);
            if (count >= 2 * BATCH) {
                return count;
            }
            assertThat(child.isAlive()).as("the child runs (exit code %s)", child.isAlive() ? "" : child.exitValue())
                    .isTrue();
            Thread.sleep(25);
        }
        throw new AssertionError("the child destroyed fewer than " + 2 * BATCH + " documents within " + timeout);
    }

    private static Process startChild() throws IOException {
        Files.createDirectories(CHILD_LOG.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PurgeCrashChild.class.getName(),
                "--spring.mongodb.uri=" + MONGO_URI,
                // its class path is this one's, with the stand-ins: the MinIO client there wants an S3 store
                "--bilan.embedded.enabled=true", "--bilan.embedded.store=memory",
                "--spring.grpc.client.channel.synthesis.target=localhost:" + HOLDER_PORT,
                "--spring.grpc.client.channel.session.target=localhost:" + SESSION_PORT,
                "--spring.grpc.client.channel.beneficiary.target=localhost:" + BENEFICIARY_PORT,
                "--spring.grpc.server.port=" + freePort(),
                "--server.port=0",
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(),
                "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri(),
                "--bilan.retention.purge.cron=-",
                "--bilan.retention.purge.batch-size=" + BATCH,
                "--bilan.retention.purge.lock-lease=" + LEASE.toSeconds() + "s",
                "--bilan.retention.purge.progress-every=0s",
                "--bilan.retention.schedule.interval=1h",
                "--spring.main.banner-mode=off"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(CHILD_LOG.toFile())).start();
    }

    private static void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Which of {@code keys} the holder's store still has (other tests' objects share the bucket). */
    private static List<String> storedOf(List<String> keys) throws Exception {
        Set<String> ours = new HashSet<>(keys);
        List<String> names = new ArrayList<>();
        for (var item : STORE.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            if (ours.contains(item.get().objectName())) {
                names.add(item.get().objectName());
            }
        }
        return names;
    }

    private static Set<String> idsOf(Iterable<Document> documents) {
        Set<String> ids = new HashSet<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
