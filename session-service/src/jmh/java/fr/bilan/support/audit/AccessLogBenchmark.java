package fr.bilan.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.support.security.Caller;
import io.grpc.Context;

/**
 * What recording an access costs a call, on the embedded MongoDB stand-in (memory backend): as the
 * register keeps it (beneficiary-service: the record alone, the baseline) and as every other service
 * writes it since the register was made one (the record and its delivery marker to the register),
 * each within the call's context as the interceptor gives it. In the package of the access log for
 * its call context; built through session-service's jmh profile (bench/access-log.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccessLogBenchmark {

    private static final Caller CONSULTANT = new Caller("consultant-1", Set.of("consultant"), Set.of("centre-lyon"));

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> registerRecords;
    private MongoCollection<Document> forwardedRecords;
    private AccessLog register;
    private AccessLog forwarding;
    private Context call;

    @Setup(Level.Trial)
    public void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        registerRecords = AccessRecords.collection(client.getDatabase("register"), Duration.ofDays(365));
        forwardedRecords = AccessRecords.collection(client.getDatabase("forwarding"), Duration.ofDays(365));
        register = new AccessLog(registerRecords, Clock.systemUTC(), "beneficiary-service", false);
        forwarding = new AccessLog(forwardedRecords, Clock.systemUTC(), "session-service", true);
        call = Context.current().withValue(AccessCall.KEY, new AccessCall("assessment.get"));
    }

    /** Both collections grow alike between iterations: each starts empty. */
    @Setup(Level.Iteration)
    public void empty() {
        registerRecords.deleteMany(new Document());
        forwardedRecords.deleteMany(new Document());
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.shutdownNow();
    }

    private static AccessedData bilan() {
        String id = UUID.randomUUID().toString();
        return AccessedData.of("assessments", id, "beneficiary-" + id, "centre-lyon");
    }

    @Benchmark
    public void recordInTheRegister() {
        AccessedData data = bilan();
        call.run(() -> register.record(CONSULTANT, data));
    }

    @Benchmark
    public void recordMarkedForTheRegister() {
        AccessedData data = bilan();
        call.run(() -> forwarding.record(CONSULTANT, data));
    }
}
