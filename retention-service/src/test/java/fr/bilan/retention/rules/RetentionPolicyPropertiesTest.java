package fr.bilan.retention.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The policy driven by a simulated purge over thousands of random bilans, checked against the law
 * written straight in {@link LawOracle}.
 * <p>
 * The purge runs every {@link #RUN_INTERVAL} on a fixed grid. Between two instants where a fact
 * happens or a due time falls, nothing the policy reads changes, so the simulation visits only the
 * runs at or just after those instants: the runs it skips would decide the same.
 */
class RetentionPolicyPropertiesTest {

    static final Duration RUN_INTERVAL = Duration.ofHours(1);
    private static final RetentionPolicy POLICY = new RetentionPolicy(RuleBook.fromClasspath());
    private static final Instant DECREE = LawOracle.DECREE_2023_1350.atStartOfDay(RetentionPolicy.LEGAL_ZONE).toInstant();
    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final long YEAR = 366 * DAY;

    record Bilan(BilanTimeline timeline, List<RetainedDocument> documents) {
    }

    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
    void thePurgeDestroysEachDocumentOnTimeAndNeverEarly(@ForAll("bilans") Bilan bilan) {
        BilanTimeline timeline = bilan.timeline();
        Statistics.label("exception period in years").collect(LawOracle.exceptionYears(timeline));
        Statistics.label("action ended").collect(timeline.actionEnd().isPresent());
        Map<Integer, Instant> destroyed = new HashMap<>();
        NavigableSet<Instant> runs = runsAround(candidateInstants(bilan));
        for (Instant run = runs.first(); run != null; run = runs.higher(run)) {
            for (int i = 0; i < bilan.documents().size(); i++) {
                RetainedDocument document = bilan.documents().get(i);
                if (destroyed.containsKey(i) || document.storeTime().isAfter(run)) {
                    continue;
                }
                Decision decision = POLICY.decide(document, timeline, run);
                String where = "document " + i + " " + document + " at run " + run + ": " + decision;
                assertThat(decision.dueTime()).as("due time of %s", where).isEqualTo(LawOracle.dueTime(document, timeline, run));
                assertThat(decision.held()).as("hold of %s", where).isEqualTo(LawOracle.held(timeline, run));
                decision.dueTime().ifPresent(due -> runs.add(runAtOrAfter(due)));
                if (decision.destroyableAt(run)) {
                    destroyed.put(i, run);
                    // (a) never before its due time, as the facts stand at destruction, nor while held
                    assertThat(LawOracle.destroyable(document, timeline, run)).as("destroyable: %s", where).isTrue();
                    // (b) within one run of becoming destroyable: the run before could not destroy it
                    assertThat(LawOracle.destroyable(document, timeline, run.minus(RUN_INTERVAL)))
                            .as("destroyable one run earlier already: %s", where).isFalse();
                    // (c) an exception standing keeps the document its whole period
                    if (LawOracle.keptByException(document, timeline, run)) {
                        Instant keptUntil = timeline.actionEnd().orElseThrow().atZone(RetentionPolicy.LEGAL_ZONE)
                                .plusYears(LawOracle.exceptionYears(timeline)).toInstant();
                        assertThat(run).as("destroyed while an exception keeps it: %s", where).isAfterOrEqualTo(keptUntil);
                    }
                } else {
                    // (b) once due and not held, the purge destroys it at this run
                    assertThat(LawOracle.destroyable(document, timeline, run)).as("kept although due: %s", where).isFalse();
                }
            }
        }
        Instant afterAll = runs.last().plus(RUN_INTERVAL);
        for (int i = 0; i < bilan.documents().size(); i++) {
            assertThat(destroyed.containsKey(i) || !LawOracle.destroyable(bilan.documents().get(i), timeline, afterAll))
                    .as("document %s due and not held at the end, never destroyed", i).isTrue();
        }
    }

    /** Every instant where something the policy reads may change. */
    private static List<Instant> candidateInstants(Bilan bilan) {
        BilanTimeline timeline = bilan.timeline();
        List<Instant> instants = new ArrayList<>();
        instants.add(timeline.actionStart());
        timeline.actionEnd().ifPresent(end -> {
            for (int years : new int[] {0, 1, 3}) {
                instants.add(end.atZone(RetentionPolicy.LEGAL_ZONE).plusYears(years).toInstant());
            }
        });
        timeline.consents().forEach(consent -> instants.add(consent.recordTime()));
        timeline.holds().forEach(hold -> instants.add(hold.time()));
        bilan.documents().forEach(document -> instants.add(document.storeTime()));
        return instants;
    }

    private static NavigableSet<Instant> runsAround(List<Instant> instants) {
        NavigableSet<Instant> runs = new TreeSet<>();
        for (Instant instant : instants) {
            Instant run = runAtOrAfter(instant);
            runs.add(run);
            runs.add(run.plus(RUN_INTERVAL));
        }
        return runs;
    }

    private static Instant runAtOrAfter(Instant instant) {
        long interval = RUN_INTERVAL.toSeconds();
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(-Math.floorDiv(-seconds, interval) * interval);
    }

    @Provide
    Arbitrary<Bilan> bilans() {
        Arbitrary<Instant> nearTheDecree = seconds(-3 * DAY, 3 * DAY).map(DECREE::plusSeconds);
        Arbitrary<Instant> anyStart = seconds(-2 * YEAR, 2 * YEAR).map(DECREE::plusSeconds);
        Arbitrary<Instant> starts = Arbitraries.frequencyOf(Tuple.of(1, nearTheDecree), Tuple.of(2, anyStart));
        return starts.flatMap(start -> seconds(DAY / 24, 200 * DAY).injectNull(0.15)
                .flatMap(duration -> bilan(start, Optional.ofNullable(duration).map(start::plusSeconds))));
    }

    /** Facts spread from the start to four years after the end, past every period. */
    private static Arbitrary<Bilan> bilan(Instant start, Optional<Instant> end) {
        long span = Duration.between(start, end.orElse(start)).toSeconds() + 4 * YEAR;
        Arbitrary<Instant> times = seconds(0, span).map(start::plusSeconds);
        Arbitrary<ConsentRecord> consents = Combinators.combine(times, Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as((time, which, granted) -> new ConsentRecord(time,
                        which == 0 ? ConsentKind.FOLLOW_UP_RETENTION : ConsentKind.SYNTHESIS_SHARING,
                        which == 0 ? null : which == 1 ? RecipientKind.CEP_ADVISOR : RecipientKind.EMPLOYER,
                        granted ? ConsentDecision.GRANTED : ConsentDecision.WITHDRAWN));
        Arbitrary<LegalHoldChange> holds = Combinators.combine(Arbitraries.of("controle", "litige"), times, Arbitraries.of(true, false))
                .as(LegalHoldChange::new);
        Arbitrary<RetainedDocument> documents = Combinators.combine(Arbitraries.of(RuleBook.KINDS), times)
                .as(RetainedDocument::new);
        return Combinators.combine(consents.list().ofMaxSize(6), holds.list().ofMaxSize(4), documents.list().ofMinSize(1).ofMaxSize(7))
                .as((consentList, holdList, documentList) -> new Bilan(new BilanTimeline(start, end,
                        sorted(consentList, Comparator.comparing(ConsentRecord::recordTime)),
                        sorted(holdList, Comparator.comparing(LegalHoldChange::time))), documentList));
    }

    /** Uniform, not jqwik's default that favours small values: the facts spread over the years. */
    private static Arbitrary<Long> seconds(long min, long max) {
        return Arbitraries.longs().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list.stream().sorted(order).toList();
    }
}
