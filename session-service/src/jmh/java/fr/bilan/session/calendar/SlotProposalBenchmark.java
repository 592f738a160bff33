package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A slot proposal and a whole-bilan plan against a consultant's year of sessions (five a day, five
 * days a week, 52 weeks), with the same proposal against an empty calendar as the baseline of the
 * same run, and the worst case: a year so full that the whole horizon is searched in vain. Each call
 * sorts the busy slots, as a request would. Sample time, for the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class SlotProposalBenchmark {

    private static final CentreZone PARIS = CentreZone.METROPOLITAN_FRANCE;
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final List<LocalTime> HOURLY_STARTS = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0),
            LocalTime.of(11, 0), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0), LocalTime.of(17, 0));

    /** The first Monday of March: the searches cross the change to summer time. */
    private final Instant from = LocalDate.of(2026, 3, 2).atTime(8, 0).atZone(PARIS.zone()).toInstant();
    private SlotFinder finder;
    private BilanPlanner planner;
    private List<Slot> yearOfSessions;
    private List<Slot> fullYear;

    @Setup
    public void setUp() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 30)),
                    new OpeningHours(LocalTime.of(14, 0), LocalTime.of(18, 0))));
        }
        CentreRules rules = new CentreRules(PARIS, week, Duration.ofHours(1), Duration.ofHours(4), 2, 1);
        ConsultantAvailability consultant = new ConsultantAvailability(week,
                List.of(new ConsultantAvailability.Absence(at(LocalDate.of(2026, 3, 9), LocalTime.MIDNIGHT),
                        at(LocalDate.of(2026, 3, 14), LocalTime.MIDNIGHT), "congés")),
                List.of());
        finder = new SlotFinder(rules, consultant);
        planner = new BilanPlanner(finder, PlanShape.typical(TWO_HOURS));
        yearOfSessions = year(5);
        fullYear = year(HOURLY_STARTS.size());
        // measure what is meant: a proposal that finds its slots, a plan that places its eight sessions
        if (proposalInABusyYear().size() != SlotFinder.DEFAULT_COUNT || planInABusyYear().size() != 8
                || !proposalInAFullYear().isEmpty()) {
            throw new IllegalStateException("the benchmark's calendar does not give the intended searches");
        }
    }

    /** Every weekday of 2026, {@code perDay} one-hour sessions at hours drawn among the centre's (seeded). */
    private static List<Slot> year(int perDay) {
        Random random = new Random(2026);
        List<Slot> sessions = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                List<LocalTime> starts = new ArrayList<>(HOURLY_STARTS);
                Collections.shuffle(starts, random);
                for (LocalTime start : starts.subList(0, perDay)) {
                    sessions.add(new Slot(at(day, start), Duration.ofHours(1)));
                }
            }
        }
        return sessions;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(PARIS.zone()).toInstant();
    }

    private SlotRequest request(List<Slot> busy) {
        return new SlotRequest(Phase.INVESTIGATION, TWO_HOURS, from, Duration.ofHours(18), BusyTimes.of(busy),
                List.of());
    }

    @Benchmark
    public List<Slot> proposalInABusyYear() {
        return finder.next(request(yearOfSessions));
    }

    @Benchmark
    public List<ProposedSession> planInABusyYear() {
        return planner.plan(List.of(), BusyTimes.of(yearOfSessions), from);
    }

    @Benchmark
    public List<Slot> proposalInAnEmptyCalendar() {
        return finder.next(request(List.of()));
    }

    @Benchmark
    public List<Slot> proposalInAFullYear() {
        return finder.next(request(fullYear));
    }
}
