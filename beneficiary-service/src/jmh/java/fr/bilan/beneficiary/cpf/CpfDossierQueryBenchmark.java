package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
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
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;

/**
 * A centre's "to do next" list and the network's overdue count over {@code dossiers} CPF dossiers in
 * {@code centres} centres, through {@link CpfDossierRepository} and, in the same run on the same
 * data, the same queries issued bare with the MongoDB driver (documents read, nothing mapped): what
 * the repository adds to the store's own time.
 * <ul>
 * <li>{@code repositoryToDoNext}: {@link CpfDossierRepository#listCentre} of the next centre (round
 * robin), its open dossiers by next deadline, the first page of {@value #PAGE} (the API's default);
 * {@code driverToDoNext}: the same find, sort and limit.
 * <li>{@code repositoryOverdueCount}: {@link CpfDossierRepository#countDueBefore} for every centre,
 * summed (the network's overdue dossiers and those due today); {@code driverOverdueCount}: the same
 * aggregation.
 * </ul>
 * The store is the embedded MongoDB the service starts when no URI is configured (mongo-java-server,
 * memory backend) on loopback, through the ordinary driver. The dossiers are made by the domain
 * itself (opened, then each step recorded as staff would, the bilan's progress taken in) and stored
 * one by one with {@link CpfDossierRepository#insertIfAbsent}: a mix of states as a network has them
 * (a third paid, a tenth refused or cancelled, the rest in progress), with dates up to {@link #TODAY},
 * some steps late and some deadlines passed. Seeded once per fork, not measured; its time and mix are
 * printed. Sample time, for the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class CpfDossierQueryBenchmark {

    /** A Friday: the benchmark's today, in every centre. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final int PAGE = 50;
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Duration[] PLANNED = {Duration.ofHours(13), Duration.ofHours(18), Duration.ofHours(20),
        Duration.ofHours(24)};

    @Param("100000")
    public int dossiers;

    @Param("300")
    public int centres;

    private MongoServer server;
    private MongoClient client;
    private CpfDossierRepository repository;
    private MongoCollection<Document> bare;
    private int nextCentre;

    @Setup(Level.Trial)
    public void seed() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        var database = client.getDatabase("beneficiary");
        repository = new CpfDossierRepository(database);
        bare = database.getCollection(CpfDossierRepository.COLLECTION);

        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(22);
        Map<CpfState, Integer> mix = new EnumMap<>(CpfState.class);
        int late = 0;
        for (int i = 0; i < dossiers; i++) {
            String centreId = centre(i % centres);
            CpfCentre centre = cpfCentre(i % centres);
            CpfDossier dossier = dossier("funding-" + i, centreId, centre, random);
            if (!repository.insertIfAbsent(dossier, centre)) {
                throw new IllegalStateException("dossier " + i + " stored twice");
            }
            mix.merge(dossier.state(), 1, Integer::sum);
            late += dossier.history().stream().anyMatch(CpfStep::late) ? 1 : 0;
        }
        long[] overdue = overdue(repository.countDueBefore(Optional.empty(), TODAY));
        System.out.printf("%nseeded %d dossiers in %d centres in %.1f s: %s; %d with a late step; %d overdue, %d due "
                + "today%n", dossiers, centres, (System.nanoTime() - started) / 1e9, mix, late, overdue[0], overdue[1]);
        check();
    }

    /** Both sides answer the same: the same page of the same centre, the same counts. */
    private void check() {
        for (int c = 0; c < centres; c += 37) {
            List<String> viaRepository = repository.listCentre(centre(c), true, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), PAGE).dossiers().stream().map(CpfDossier::id).toList();
            List<String> viaDriver = bareToDoNext(centre(c)).stream().limit(PAGE).map(d -> d.getString("_id")).toList();
            if (viaRepository.isEmpty() || !viaRepository.equals(viaDriver)) {
                throw new IllegalStateException("the two lists of " + centre(c) + " differ: " + viaRepository + " "
                        + viaDriver);
            }
        }
        long[] viaRepository = overdue(repository.countDueBefore(Optional.empty(), TODAY));
        long[] viaDriver = bareOverdue();
        if (viaRepository[0] == 0 || viaRepository[0] != viaDriver[0] || viaRepository[1] != viaDriver[1]) {
            throw new IllegalStateException("the counts differ: " + viaRepository[0] + "/" + viaRepository[1] + " and "
                    + viaDriver[0] + "/" + viaDriver[1]);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.shutdownNow();
    }

    @Benchmark
    public CpfDossierRepository.Page repositoryToDoNext() {
        return repository.listCentre(nextCentre(), true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), PAGE);
    }

    @Benchmark
    public List<Document> driverToDoNext() {
        return bareToDoNext(nextCentre());
    }

    @Benchmark
    public long[] repositoryOverdueCount() {
        return overdue(repository.countDueBefore(Optional.empty(), TODAY));
    }

    @Benchmark
    public long[] driverOverdueCount() {
        return bareOverdue();
    }

    /** The repository's find of a centre's open list, first page (one more to know whether a next one exists). */
    private List<Document> bareToDoNext(String centreId) {
        return bare.find(Filters.and(Filters.eq("centreId", centreId), Filters.eq("open", true)))
                .sort(Sorts.ascending("deadlineOrder", "_id")).limit(PAGE + 1).into(new ArrayList<>());
    }

    /** The repository's aggregation: open dossiers due on or before today, by centre and date; then summed. */
    private long[] bareOverdue() {
        String today = TODAY.toString();
        long[] counts = new long[2];
        for (Document group : bare.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("open", true), Filters.lte("deadlineOrder", today))),
                Aggregates.group(new Document("centre", "$centreId").append("date", "$deadlineOrder"),
                        Accumulators.sum("count", 1))))) {
            counts[today.equals(group.get("_id", Document.class).getString("date")) ? 1 : 0] +=
                    group.get("count", Number.class).longValue();
        }
        return counts;
    }

    /** The network's dossiers overdue (due before today) and due today. */
    private static long[] overdue(List<CpfDossierRepository.OverdueCount> counts) {
        long[] total = new long[2];
        for (var count : counts) {
            total[0] += count.before();
            total[1] += count.on();
        }
        return total;
    }

    private String nextCentre() {
        nextCentre = (nextCentre + 1) % centres;
        return centre(nextCentre);
    }

    private static String centre(int c) {
        return "centre-" + c;
    }

    /** Most centres metropolitan, some in Alsace-Moselle and overseas: each counts in its own calendar. */
    private static CpfCentre cpfCentre(int c) {
        HolidayCalendar calendar = switch (c % 20) {
            case 0 -> HolidayCalendar.ALSACE_MOSELLE;
            case 1 -> HolidayCalendar.REUNION;
            case 2 -> HolidayCalendar.GUADELOUPE;
            case 3 -> HolidayCalendar.MARTINIQUE;
            default -> HolidayCalendar.METROPOLE;
        };
        return new CpfCentre(new WorkingDays(calendar), 0);
    }

    /**
     * A dossier taken as far as its target state, each step recorded through the domain on a date no
     * later than today; one that would need a step after today stays where it is.
     */
    private static CpfDossier dossier(String id, String centreId, CpfCentre centre, SplittableRandom random) {
        int draw = random.nextInt(100);
        CpfState target;
        CpfState exit = null;
        int back;
        if (draw < 6) {
            target = CpfState.NOT_PROCESSED;
            back = random.nextInt(7);
        } else if (draw < 12) {
            target = CpfState.VALIDATED;
            back = 1 + random.nextInt(12);
        } else if (draw < 20) {
            target = CpfState.ACCEPTED;
            back = 5 + random.nextInt(22);
        } else if (draw < 46) {
            target = CpfState.IN_TRAINING;
            back = 20 + random.nextInt(60);
        } else if (draw < 50) {
            target = CpfState.TERMINATED;
            back = 75 + random.nextInt(30);
        } else if (draw < 56) {
            target = CpfState.SERVICE_DONE_DECLARED;
            back = 80 + random.nextInt(40);
        } else if (draw < 90) {
            target = CpfState.SERVICE_DONE_VALIDATED;
            back = 100 + random.nextInt(450);
        } else {
            back = 2 + random.nextInt(400);
            int which = random.nextInt(4);
            target = which == 0 ? CpfState.NOT_PROCESSED : which == 1 ? CpfState.VALIDATED : CpfState.ACCEPTED;
            exit = switch (which) {
                case 0 -> CpfState.REFUSED_BY_CENTRE;
                case 1 -> CpfState.REFUSED_BY_HOLDER;
                case 2 -> CpfState.CANCELLED_BY_HOLDER;
                default -> CpfState.HOLDER_ABSENT;
            };
        }
        WorkingDays days = centre.workingDays();
        LocalDate received = TODAY.minusDays(back);
        CpfDossier dossier = CpfDossier.open(id, "beneficiary-" + id, centreId, "", 160_000, received, NOW, "staff");
        LocalDate validated = received.plusDays(random.nextInt(4));
        LocalDate start = days.plus(validated, CpfDossier.START_NOTICE_WORKING_DAYS + random.nextInt(10));
        LocalDate accepted = validated.plusDays(random.nextInt(5));
        LocalDate end = start.plusDays(50 + random.nextInt(40));
        LocalDate terminated = end.plusDays(random.nextInt(5));
        LocalDate declared = terminated.plusDays(random.nextInt(3));
        LocalDate paid = declared.plusDays(1 + random.nextInt(7));
        List<Step> path = List.of(
                new Step(CpfState.VALIDATED, validated),
                new Step(CpfState.ACCEPTED, accepted),
                new Step(CpfState.IN_TRAINING, start),
                new Step(CpfState.TERMINATED, terminated),
                new Step(CpfState.SERVICE_DONE_DECLARED, declared),
                new Step(CpfState.SERVICE_DONE_VALIDATED, paid));
        for (Step step : path) {
            if (dossier.state() == target || step.date().isAfter(TODAY)) {
                break;
            }
            if (step.state() == CpfState.IN_TRAINING) {
                dossier = dossier.recordProgress(id + "-started", new BilanProgress.Started(start));
            }
            if (step.state() == CpfState.TERMINATED) {
                dossier = dossier.recordProgress(id + "-ended", new BilanProgress.Ended(end, BilanOutcome.COMPLETED,
                        dossier.plannedHours(), 0));
            }
            CpfStepInput input = step.state() == CpfState.VALIDATED
                    ? new CpfStepInput(CpfState.VALIDATED, validated, start, PLANNED[random.nextInt(PLANNED.length)], "")
                    : CpfStepInput.of(step.state(), step.date());
            dossier = dossier.recordStep(input, centre, TODAY, NOW, "staff", StepSource.STAFF, null);
        }
        if (dossier.state() == CpfState.IN_TRAINING && !end.isAfter(TODAY)) {
            // the action ended, its exit not declared yet: the centre's deadline runs
            dossier = dossier.recordProgress(id + "-ended", new BilanProgress.Ended(end, BilanOutcome.COMPLETED,
                    dossier.plannedHours(), 0));
        }
        if (exit != null && dossier.state() == target) {
            LocalDate previous = dossier.history().get(dossier.history().size() - 1).date();
            LocalDate date = exit == CpfState.HOLDER_ABSENT ? start : previous.plusDays(random.nextInt(4));
            date = date.isAfter(TODAY) ? TODAY : date.isBefore(previous) ? previous : date;
            dossier = dossier.recordStep(CpfStepInput.of(exit, date), centre, TODAY, NOW, "staff", StepSource.STAFF,
                    null);
        }
        return dossier;
    }

    private record Step(CpfState state, LocalDate date) {
    }
}
