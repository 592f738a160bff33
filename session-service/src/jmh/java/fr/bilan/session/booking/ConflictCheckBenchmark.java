package fr.bilan.session.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import fr.bilan.session.calendar.CentreZone;
import fr.bilan.session.calendar.Slot;

/**
 * The booking guard's conflict check ({@link Reservations#reserve}) with a million sessions stored:
 * 2,000 consultants with 500 one-hour sessions each over 50 weeks (two a weekday), seeded straight
 * into the embedded MongoDB stand-in (mongo-java-server, memory backend) as the bucket documents
 * {@link Reservations} writes. A refused reserve over a held slot, and a reserve on a free slot then
 * its release, each on a random consultant; the baselines are the same calls against a store holding
 * a single consultant's year, what a conflict needs and no more. Each store is a separate state, so
 * that only the forks that use the million pay for its seeding. Sample time, for the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// room for the million holds, kept by the memory backend as Java objects in the fork
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ConflictCheckBenchmark {

    private static final ZoneId PARIS = CentreZone.METROPOLITAN_FRANCE.zone();
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 1, 5);
    private static final int WEEKS = 50;
    private static final int WORKING_DAYS = WEEKS * 5;
    private static final int SESSIONS_A_DAY = 2;
    private static final int SESSIONS_A_CONSULTANT = WORKING_DAYS * SESSIONS_A_DAY;
    private static final int SESSIONS_A_BILAN = 10;
    /** The hours a one-hour session may start at, lunch left out. */
    private static final int[] HOURS = {9, 10, 11, 13, 14, 15, 16, 17};
    private static final int EVERY_HOUR = (1 << HOURS.length) - 1;
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    /** The seeded holds were booked long before: a hold in the way is past its orphan grace. */
    private static final Instant BOOKED_AT = FIRST_MONDAY.minusMonths(1).atStartOfDay(PARIS).toInstant();
    private static final Instant NOW = FIRST_MONDAY.minusDays(1).atStartOfDay(PARIS).toInstant();
    /** Every hold in the way is still its session's; the bilan lookup behind it is not measured here. */
    private static final Predicate<Hold> NO_ORPHANS = hold -> true;
    private static final int DOCUMENTS_A_BATCH = 2_000;

    @State(Scope.Benchmark)
    public static class MillionSessions extends Store {
        @Setup(Level.Trial)
        public void setUp() {
            open(2_000);
        }
    }

    @State(Scope.Benchmark)
    public static class OneConsultant extends Store {
        @Setup(Level.Trial)
        public void setUp() {
            open(1);
        }
    }

    @Benchmark
    public void conflictRefused(MillionSessions store, Blackhole blackhole) {
        blackhole.consume(store.refusal());
    }

    @Benchmark
    public void freeSlotHeldAndReleased(MillionSessions store) {
        store.holdAndRelease();
    }

    @Benchmark
    public void conflictRefusedBaseline(OneConsultant store, Blackhole blackhole) {
        blackhole.consume(store.refusal());
    }

    @Benchmark
    public void freeSlotHeldAndReleasedBaseline(OneConsultant store) {
        store.holdAndRelease();
    }

    /** An embedded server seeded with {@code consultants} × 500 holds, and which hours each working day holds. */
    public abstract static class Store {

        private final SplittableRandom random = new SplittableRandom(2026);
        private MongoServer server;
        private MongoClient client;
        private MongoCollection<Document> buckets;
        private Reservations reservations;
        private String[] consultantIds;
        /** Per consultant and working day, the bits of the {@link #HOURS} held. */
        private byte[] held;
        private long seeded;

        void open(int consultants) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            MongoDatabase database = client.getDatabase("bench");
            buckets = database.getCollection(Reservations.COLLECTION);
            reservations = new Reservations(database);
            long started = System.nanoTime();
            int documents = seed(consultants);
            double seconds = (System.nanoTime() - started) / 1e9;
            seeded = slotsStored();
            System.out.printf("%nseeded %,d holds in %,d buckets in %.1f s%n", seeded, documents, seconds);
            // measure what is meant: every session stored, in the layout Reservations reads, and in the way
            Resource first = Resource.consultant(consultantIds[0]);
            int readBack = reservations.held(first, day(0), day(WORKING_DAYS)).size();
            if (seeded != (long) consultants * SESSIONS_A_CONSULTANT || readBack != SESSIONS_A_CONSULTANT) {
                throw new IllegalStateException("seeded " + seeded + " holds, " + readBack + " read back for one");
            }
            refusal();
        }

        /**
         * Per consultant, two random hours every working day, inserted bucket by bucket in batches; the
         * number of buckets.
         */
        private int seed(int consultants) {
            consultantIds = new String[consultants];
            held = new byte[consultants * WORKING_DAYS];
            List<Document> batch = new ArrayList<>(DOCUMENTS_A_BATCH);
            int documents = 0;
            for (int consultant = 0; consultant < consultants; consultant++) {
                consultantIds[consultant] = randomId();
                Resource resource = Resource.consultant(consultantIds[consultant]);
                Map<String, List<Document>> slotsByBucket = new LinkedHashMap<>();
                String assessmentId = null;
                for (int day = 0; day < WORKING_DAYS; day++) {
                    int hours = 0;
                    while (Integer.bitCount(hours) < SESSIONS_A_DAY) {
                        hours |= 1 << random.nextInt(HOURS.length);
                    }
                    held[consultant * WORKING_DAYS + day] = (byte) hours;
                    for (int hour = 0; hour < HOURS.length; hour++) {
                        if ((hours & 1 << hour) != 0) {
                            int session = day * SESSIONS_A_DAY + Integer.bitCount(hours & ((1 << hour) - 1));
                            if (session % SESSIONS_A_BILAN == 0) {
                                assessmentId = randomId();
                            }
                            Hold hold = new Hold(resource, assessmentId, randomId(), slot(day, hour));
                            for (long week : Reservations.weeks(hold.slot())) {
                                slotsByBucket.computeIfAbsent(Reservations.key(resource, week), key -> new ArrayList<>())
                                        .add(Reservations.entry(hold, BOOKED_AT));
                            }
                        }
                    }
                }
                for (Map.Entry<String, List<Document>> bucket : slotsByBucket.entrySet()) {
                    batch.add(Reservations.bucket(bucket.getKey(), bucket.getValue()));
                    if (batch.size() == DOCUMENTS_A_BATCH) {
                        buckets.insertMany(batch);
                        batch.clear();
                    }
                }
                documents += slotsByBucket.size();
            }
            if (!batch.isEmpty()) {
                buckets.insertMany(batch);
            }
            return documents;
        }

        private long slotsStored() {
            Document total = buckets.aggregate(List.of(
                    Aggregates.project(Projections.computed("n", new Document("$size", "$slots"))),
                    Aggregates.group(null, Accumulators.sum("n", "$n")))).first();
            return total == null ? 0 : ((Number) total.get("n")).longValue();
        }

        /** A reserve overlapping a held hour of a random consultant by half an hour: the {@link SlotTaken} it ends in. */
        SlotTaken refusal() {
            int consultant = random.nextInt(consultantIds.length);
            int day = random.nextInt(WORKING_DAYS);
            int hour = randomBit(heldHours(consultant, day));
            Slot overlapping = new Slot(slot(day, hour).start().plus(ONE_HOUR.dividedBy(2)), ONE_HOUR);
            Hold hold = new Hold(Resource.consultant(consultantIds[consultant]), "bench-assessment", "bench-session",
                    overlapping);
            try {
                reservations.reserve(hold, NOW, NO_ORPHANS);
            } catch (SlotTaken refused) {
                return refused;
            }
            throw new IllegalStateException("no conflict detected for " + hold);
        }

        /** A reserve on a free hour of a random consultant, then its release: the store keeps its size. */
        void holdAndRelease() {
            int consultant = random.nextInt(consultantIds.length);
            int day = random.nextInt(WORKING_DAYS);
            int hour = randomBit(~heldHours(consultant, day) & EVERY_HOUR);
            Hold hold = new Hold(Resource.consultant(consultantIds[consultant]), "bench-assessment", "bench-session",
                    slot(day, hour));
            reservations.reserve(hold, NOW, NO_ORPHANS);
            reservations.release(hold);
        }

        private int heldHours(int consultant, int day) {
            return held[consultant * WORKING_DAYS + day] & EVERY_HOUR;
        }

        private int randomBit(int bits) {
            for (int skipped = random.nextInt(Integer.bitCount(bits)); skipped > 0; skipped--) {
                bits &= bits - 1;
            }
            return Integer.numberOfTrailingZeros(bits);
        }

        private String randomId() {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                // every free slot held was released: the figures were taken on the store as seeded
                long left = slotsStored();
                if (left != seeded) {
                    throw new IllegalStateException(seeded + " holds seeded, " + left + " left after the run");
                }
            } finally {
                client.close();
                server.shutdownNow();
            }
        }
    }

    private static Slot slot(int day, int hour) {
        return new Slot(day(day).plus(Duration.ofHours(HOURS[hour])), ONE_HOUR);
    }

    /** Midnight, centre time, of the {@code day}-th working day from the first Monday. */
    private static Instant day(int day) {
        return FIRST_MONDAY.plusWeeks(day / 5).plusDays(day % 5).atStartOfDay(PARIS).toInstant();
    }
}
