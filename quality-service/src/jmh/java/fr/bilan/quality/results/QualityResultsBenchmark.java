package fr.bilan.quality.results;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
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
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.support.centre.Centres;

/**
 * A year's results of a network of {@code centres} centres and {@code bilans} bilans with their surveys and
 * follow-ups, through {@link ResultsOperations#results} (the counts by {@link CohortRepository}'s three
 * aggregations, the figures and their rule), and, in the same run on the same data, the same three
 * pipelines issued bare with the MongoDB driver (the group documents read, nothing mapped, no domain code):
 * what the service adds to the store's own time.
 * <ul>
 * <li>{@code resultsNetwork} / {@code bareNetwork}: the whole network's year;
 * <li>{@code resultsCentre} / {@code bareCentre}: one centre's year, the next centre each call (round robin).
 * </ul>
 * The store is the embedded MongoDB the service starts when no URI is configured (mongo-java-server, memory
 * backend) on loopback, through the ordinary driver: it keeps no secondary index (it says so and ignores
 * them), so every match reads its whole collection, the centre's as the network's. The documents are
 * written in the shared shapes (COMMON-23) in bulk, once per fork, not measured: the bilans' ends spread
 * over 2025 and 2026 (the year measured is 2026), 5 % under way, 80 % completed, 15 % dropped out; an
 * "à chaud" survey for each completed bilan, an "à froid" one for 70 % of them, a follow-up for each, in a
 * mix of states. Its time and sizes are printed. Sample time, for the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class QualityResultsBenchmark {

    static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant YEAR_END = Instant.parse("2027-01-01T00:00:00Z");
    private static final LocalDate FIRST_END = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 730;
    private static final int BATCH = 2_000;
    private static final String[] DROP_OUTS = {"ABANDONED", "WITHDRAWN", "INTERRUPTED"};
    private static final String[] SITUATIONS = {"IN_PROJECT", "IN_TRAINING", "NEW_JOB", "STILL_SEARCHING", "OTHER"};

    @Param("1000000")
    public int bilans;

    @Param("300")
    public int centres;

    private MongoServer server;
    private MongoClient client;
    private ResultsOperations operations;
    private Audience network;
    private Period year;
    private MongoCollection<Document> bareBilans;
    private MongoCollection<Document> bareSurveys;
    private MongoCollection<Document> bareFollowUps;
    private int nextCentre;

    @Setup(Level.Trial)
    public void seed() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase database = client.getDatabase("quality");
        operations = new ResultsOperations(new CohortRepository(database), new PublicationRepository(database),
                new PublishedNames(new Centres(null, null), "Réseau"), Clock.systemUTC());
        network = new Audience(true, Set.of());
        year = Period.of(YEAR_START, YEAR_END);
        bareBilans = database.getCollection("bilanRecords");
        bareSurveys = database.getCollection("surveys");
        bareFollowUps = database.getCollection("followUps");

        long started = System.nanoTime();
        long[] written = write(new SplittableRandom(23));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("%nseeded %d bilans in %d centres, %d surveys, %d follow-ups in %.1f s; heap used %.1f GB%n",
                written[0], centres, written[1], written[2], (System.nanoTime() - started) / 1e9,
                (runtime.totalMemory() - runtime.freeMemory()) / 1e9);
        check();
    }

    /** Both sides count the same: the network's and a few centres' samples. */
    private void check() {
        for (int c = -1; c < centres; c += 97) {
            String centreId = c < 0 ? "" : centre(c);
            Results results = operations.results(network, centreId, year);
            List<List<Document>> bare = bare(centreId);
            long ended = bare.get(0).stream().filter(group -> !"IN_PROGRESS".equals(group.getString("_id")))
                    .mapToLong(QualityResultsBenchmark::count).sum();
            long endOfBilanSent = bare.get(1).stream()
                    .filter(group -> "END_OF_BILAN".equals(group.get("_id", Document.class).getString("kind")))
                    .mapToLong(QualityResultsBenchmark::count).sum();
            long held = bare.get(2).stream().filter(group -> group.getString("_id") != null)
                    .mapToLong(QualityResultsBenchmark::count).sum();
            if (ended == 0 || results.beneficiaries().sampleSize() != ended
                    || results.responseRateEndOfBilan().sampleSize() != endOfBilanSent
                    || results.situations().get(0).share().sampleSize() != held) {
                throw new IllegalStateException("the two sides differ for \"" + centreId + "\": " + results + " / " + bare);
            }
            if (c < 0) {
                System.out.printf("the network's 2026: %s%n", results);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.shutdownNow();
    }

    @Benchmark
    public Results resultsNetwork() {
        return operations.results(network, "", year);
    }

    @Benchmark
    public List<List<Document>> bareNetwork() {
        return bare("");
    }

    @Benchmark
    public Results resultsCentre() {
        return operations.results(network, nextCentre(), year);
    }

    @Benchmark
    public List<List<Document>> bareCentre() {
        return bare(nextCentre());
    }

    /** The three aggregations as the repository issues them, with the driver alone; the group documents as read. */
    private List<List<Document>> bare(String centreId) {
        List<Bson> cohort = new ArrayList<>();
        if (!centreId.isEmpty()) {
            cohort.add(Filters.eq("centreId", centreId));
        }
        cohort.add(Filters.gte("endDate", Date.from(YEAR_START)));
        cohort.add(Filters.lt("endDate", Date.from(YEAR_END)));
        List<Bson> surveys = new ArrayList<>(cohort);
        surveys.add(Filters.in("state", List.of("SENT", "PARTIALLY_ANSWERED", "ANSWERED", "LAPSED")));
        List<Bson> followUps = new ArrayList<>(cohort);
        followUps.add(Filters.eq("state", "HELD"));
        return List.of(
                bareBilans.aggregate(List.of(Aggregates.match(Filters.and(cohort)),
                        Aggregates.group("$outcome", Accumulators.sum("count", 1)))).into(new ArrayList<>()),
                bareSurveys.aggregate(List.of(Aggregates.match(Filters.and(surveys)),
                        Aggregates.group(new Document("kind", "$kind").append("state", "$state")
                                .append("satisfied", "$satisfied"), Accumulators.sum("count", 1))))
                        .into(new ArrayList<>()),
                bareFollowUps.aggregate(List.of(Aggregates.match(Filters.and(followUps)),
                        Aggregates.group("$situation", Accumulators.sum("count", 1)))).into(new ArrayList<>()));
    }

    private static long count(Document group) {
        return group.get("count", Number.class).longValue();
    }

    private String nextCentre() {
        nextCentre = (nextCentre + 1) % centres;
        return centre(nextCentre);
    }

    private static String centre(int c) {
        return "centre-" + c;
    }

    /** The bilans, their surveys and follow-ups, in batches; answers how many of each were written. */
    private long[] write(SplittableRandom random) {
        List<Document> bilanBatch = new ArrayList<>(BATCH);
        List<Document> surveyBatch = new ArrayList<>(2 * BATCH);
        List<Document> followUpBatch = new ArrayList<>(BATCH);
        long[] written = new long[3];
        for (int i = 0; i < bilans; i++) {
            String id = "bilan-" + i;
            String centreId = centre(i % centres);
            int draw = random.nextInt(100);
            String outcome = draw < 5 ? "IN_PROGRESS" : draw < 85 ? "COMPLETED" : DROP_OUTS[random.nextInt(3)];
            LocalDate end = outcome.equals("IN_PROGRESS") ? null : FIRST_END.plusDays(random.nextInt(DAYS));
            bilanBatch.add(bilan(id, centreId, outcome, end, random));
            if (outcome.equals("COMPLETED")) {
                surveyBatch.add(survey(id + "-chaud", id, centreId, end, "END_OF_BILAN", random));
                if (random.nextInt(10) < 7) {
                    surveyBatch.add(survey(id + "-froid", id, centreId, end, "FOLLOW_UP", random));
                }
                followUpBatch.add(followUp(id, centreId, end, random));
            }
            if (bilanBatch.size() == BATCH) {
                written[0] += flush(bareBilans, bilanBatch);
                written[1] += flush(bareSurveys, surveyBatch);
                written[2] += flush(bareFollowUps, followUpBatch);
            }
        }
        written[0] += flush(bareBilans, bilanBatch);
        written[1] += flush(bareSurveys, surveyBatch);
        written[2] += flush(bareFollowUps, followUpBatch);
        return written;
    }

    private static int flush(MongoCollection<Document> collection, List<Document> batch) {
        int size = batch.size();
        if (size > 0) {
            collection.insertMany(batch);
            batch.clear();
        }
        return size;
    }

    private static Date day(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Document bilan(String id, String centreId, String outcome, LocalDate end, SplittableRandom random) {
        LocalDate start = (end == null ? LocalDate.of(2026, 11, 1) : end).minusDays(40 + random.nextInt(60));
        List<Document> phases = new ArrayList<>();
        for (String phase : List.of("PRELIMINARY", "INVESTIGATION", "CONCLUSION")) {
            int sessions = 1 + random.nextInt(4);
            phases.add(new Document("phase", phase).append("plannedMinutes", sessions * 120)
                    .append("deliveredMinutes", sessions * 120 - random.nextInt(2) * 120).append("sessionsPlanned", sessions)
                    .append("sessionsAttended", sessions).append("sessionsMissed", random.nextInt(2)));
        }
        return new Document("_id", id).append("beneficiaryId", "beneficiary-" + id).append("centreId", centreId)
                .append("consultantId", "consultant-" + random.nextInt(3_000)).append("outcome", outcome)
                .append("startDate", day(start)).append("endDate", day(end))
                .append("synthesisHandoverTime", end == null ? null : day(end))
                .append("followUpDueDate", end == null ? null : day(end.plusMonths(6)))
                .append("fundingKind", random.nextBoolean() ? "CPF" : "EMPLOYER_PLAN")
                .append("agreementSignDate", day(start.minusDays(15))).append("revision", 5L).append("phases", phases);
    }

    private static Document survey(String id, String assessmentId, String centreId, LocalDate end, String kind,
            SplittableRandom random) {
        int draw = random.nextInt(100);
        boolean chaud = kind.equals("END_OF_BILAN");
        String state = chaud
                ? draw < 3 ? "NOT_SENT" : draw < 58 ? "ANSWERED" : draw < 68 ? "PARTIALLY_ANSWERED" : draw < 95 ? "LAPSED" : "SENT"
                : draw < 5 ? "PLANNED" : draw < 40 ? "ANSWERED" : draw < 90 ? "LAPSED" : "SENT";
        boolean sent = !state.equals("NOT_SENT") && !state.equals("PLANNED");
        LocalDate sentDay = chaud ? end : end.plusMonths(6);
        Boolean satisfied = null;
        if (state.equals("ANSWERED")) {
            int score = random.nextInt(100);
            satisfied = score < 3 ? null : score < (chaud ? 88 : 78);
        }
        return new Document("_id", id).append("assessmentId", assessmentId).append("centreId", centreId)
                .append("kind", kind).append("state", state).append("questionnaireVersion", 1)
                .append("sentTime", sent ? day(sentDay) : null)
                .append("reminderTimes", sent ? List.of(day(sentDay.plusDays(7))) : List.of())
                .append("answerTime", state.equals("ANSWERED") ? day(sentDay.plusDays(random.nextInt(14))) : null)
                .append("expireTime", sent ? day(sentDay.plusDays(21)) : null).append("satisfied", satisfied)
                .append("endDate", day(end));
    }

    private static Document followUp(String assessmentId, String centreId, LocalDate end, SplittableRandom random) {
        int draw = random.nextInt(100);
        String state = draw < 40 ? "HELD" : draw < 60 ? "DECLINED" : draw < 75 ? "NOT_OFFERED" : draw < 90 ? "SCHEDULED"
                : "OFFERED";
        LocalDate due = end.plusMonths(6);
        String situation = null;
        if (state.equals("HELD")) {
            int which = random.nextInt(100);
            situation = which < 2 ? null : SITUATIONS[which < 25 ? 0 : which < 45 ? 1 : which < 75 ? 2 : which < 92 ? 3 : 4];
        }
        boolean offered = !state.equals("SCHEDULED") && !state.equals("NOT_OFFERED");
        return new Document("_id", assessmentId).append("centreId", centreId).append("state", state)
                .append("dueDate", day(due)).append("offerTime", offered ? day(due) : null)
                .append("answerChannel", offered && !state.equals("OFFERED") ? "LINK" : null)
                .append("answerTime", offered && !state.equals("OFFERED") ? day(due.plusDays(3)) : null)
                .append("heldDate", state.equals("HELD") ? day(due.plusDays(20)) : null).append("situation", situation)
                .append("actionPlanStarted", state.equals("HELD") ? random.nextBoolean() : null).append("endDate", day(end));
    }
}
