package fr.bilan.retention.purge;

import java.time.Duration;
import java.time.Instant;
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

import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.rules.RuleBook;

/**
 * The purge's search among {@code entries} registry entries in the embedded MongoDB (the
 * wire-protocol server the service starts with no URI configured, memory store): 1 % due, the rest
 * destroyed (29 %), due in one to three years (60 %) or awaiting their action's end (10 %).
 * {@code dueSearch}: the purge's one search (Registry.due, batches of 1,000) walked to its end, as
 * a purge run walks them; {@code countDue}: the count the due metric takes. Seeded once per fork
 * (insertMany of 10,000, not measured; its time printed).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@State(Scope.Benchmark)
public class RegistryQueryBenchmark {

    private static final int PAGE = 1000;
    private static final int DUE_EVERY = 100;

    @Param("1000000")
    public int entries;

    private EmbeddedRegistry mongo;
    private Registry registry;
    private int due;

    @Setup(Level.Trial)
    public void seed() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        mongo = new EmbeddedRegistry();
        var database = mongo.database("retention");
        registry = new Registry(database);
        String rules = RuleBook.fromClasspath().fingerprint();
        Instant now = Instant.now();
        long started = System.nanoTime();
        EmbeddedRegistry.insert(EmbeddedRegistry.documents(database), entries, i -> {
            int b = i / 10;
            int slot = i % DUE_EVERY;
            DestructionState state = DestructionState.SCHEDULED;
            Instant dueTime;
            if (slot == 0) {
                dueTime = now.minus(Duration.ofHours(1 + i % 1000));
            } else if (slot < 30) {
                state = DestructionState.DESTROYED;
                dueTime = now.minus(Duration.ofDays(1 + i % 700));
            } else if (slot < 90) {
                dueTime = now.plus(Duration.ofDays(365 + i % 730));
            } else {
                state = DestructionState.AWAITING_ACTION_END;
                dueTime = null;
            }
            return EmbeddedRegistry.entry("document-" + i, "assessment-" + b, "beneficiary-" + b, "centre-" + b % 10,
                    "bilan-synthesis", "assessments/" + i, now.minus(Duration.ofDays(30)), state, dueTime, rules);
        });
        due = (entries + DUE_EVERY - 1) / DUE_EVERY;
        System.out.printf("%nseeded %d entries (%d due) in %.1f s; heap used %d MB%n", entries, due,
                (System.nanoTime() - started) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    @TearDown(Level.Trial)
    public void stop() {
        mongo.close();
    }

    @Benchmark
    public int dueSearch() {
        int found = 0;
        for (RegisteredDocument entry : registry.due(Instant.now(), false, PAGE)) {
            found += entry.dueTime().isPresent() ? 1 : 0;
        }
        if (found != due) {
            throw new IllegalStateException(found + " due found, " + due + " seeded");
        }
        return found;
    }

    @Benchmark
    public long countDue() {
        long count = registry.countDue(Instant.now(), false);
        if (count != due) {
            throw new IllegalStateException(count + " due counted, " + due + " seeded");
        }
        return count;
    }
}
