package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.quality.results.CohortCounts.SurveyCounts;

/** The figures of a cohort's counts: each over its own sample, hidden under 5 people. */
class ResultsTest {

    static final Period YEAR = Period.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    static final Instant COMPUTED = Instant.parse("2027-01-05T09:30:00Z");

    /** A centre's year: 40 bilans ended, 34 completed, 6 dropped out, surveys and follow-ups. */
    static CohortCounts aYear() {
        return new CohortCounts(40, 34, 6, new SurveyCounts(34, 25, 24, 21), new SurveyCounts(30, 4, 4, 3),
                Map.of(SituationAtSixMonths.NEW_JOB, 6L, SituationAtSixMonths.IN_TRAINING, 3L,
                        SituationAtSixMonths.IN_PROJECT, 1L));
    }

    @Test
    void eachFigureIsComputedOverItsOwnSample() {
        Results results = Results.of("centre-lyon", "Centre de Lyon", YEAR, COMPUTED, aYear());

        assertThat(results.beneficiaries()).isEqualTo(new Figure(true, 40, 40));
        assertThat(results.completionRate()).isEqualTo(new Figure(true, 85, 40));
        assertThat(results.dropOutRate()).isEqualTo(new Figure(true, 15, 40));
        assertThat(results.satisfactionEndOfBilan()).isEqualTo(new Figure(true, 87.5, 24));
        assertThat(results.responseRateEndOfBilan()).isEqualTo(new Figure(true, 73.5, 34));
        // four answers à froid: the satisfaction is not shown, the response rate over 30 sent is
        assertThat(results.satisfactionFollowUp()).isEqualTo(new Figure(false, 0, 4));
        assertThat(results.responseRateFollowUp()).isEqualTo(new Figure(true, 13.3, 30));
        assertThat(results.situations()).containsExactly(
                new Results.SituationShare(SituationAtSixMonths.IN_PROJECT, new Figure(true, 10, 10)),
                new Results.SituationShare(SituationAtSixMonths.IN_TRAINING, new Figure(true, 30, 10)),
                new Results.SituationShare(SituationAtSixMonths.NEW_JOB, new Figure(true, 60, 10)),
                new Results.SituationShare(SituationAtSixMonths.STILL_SEARCHING, new Figure(true, 0, 10)),
                new Results.SituationShare(SituationAtSixMonths.OTHER, new Figure(true, 0, 10)));
    }

    @Test
    void aSmallCohortShowsNoFigureButItsSampleSizes() {
        Results results = Results.of("centre-gap", "Centre de Gap", YEAR, COMPUTED,
                new CohortCounts(4, 3, 1, new SurveyCounts(3, 2, 2, 2), SurveyCounts.NONE,
                        Map.of(SituationAtSixMonths.NEW_JOB, 1L)));

        assertThat(results.beneficiaries()).isEqualTo(new Figure(false, 0, 4));
        assertThat(results.completionRate()).isEqualTo(new Figure(false, 0, 4));
        assertThat(results.dropOutRate()).isEqualTo(new Figure(false, 0, 4));
        assertThat(results.satisfactionEndOfBilan()).isEqualTo(new Figure(false, 0, 2));
        assertThat(results.responseRateEndOfBilan()).isEqualTo(new Figure(false, 0, 3));
        assertThat(results.responseRateFollowUp()).isEqualTo(new Figure(false, 0, 0));
        assertThat(results.situations()).allMatch(share -> share.share().equals(new Figure(false, 0, 1)));
    }
}
