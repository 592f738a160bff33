package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.InvalidFields;

/** A period: its end after its start, at most two years, and the days whose bilans it counts. */
class PeriodTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z, La fin de la période doit suivre son début.",
        "2026-01-01T00:00:00Z, 2025-12-31T00:00:00Z, La fin de la période doit suivre son début.",
        "2024-01-01T00:00:00Z, 2026-01-01T00:00:01Z, La période ne peut pas dépasser 2 ans.",
        "2024-02-29T00:00:00Z, 2026-03-01T00:00:00Z, La période ne peut pas dépasser 2 ans.",
    })
    void aPeriodOutOfShapeNamesTheEndTime(Instant start, Instant end, String reason) {
        InvalidFields refused = catchThrowableOfType(InvalidFields.class, () -> Period.of(start, end));

        assertThat(refused.violations()).containsExactly(new InvalidFields.Violation("endTime", reason));
    }

    @ParameterizedTest(name = "{0} → {1}: days {2} to {3}")
    @CsvSource({
        "2026-01-01T00:00:00Z, 2027-01-01T00:00:00Z, 2026-01-01, 2026-12-31",
        "2024-01-01T00:00:00Z, 2026-01-01T00:00:00Z, 2024-01-01, 2025-12-31",
        // midnight in Paris: the first of January's UTC midnight is the first counted
        "2025-12-31T23:00:00Z, 2026-12-31T23:00:00Z, 2026-01-01, 2026-12-31",
        "2026-03-15T10:00:00Z, 2026-04-01T00:00:00Z, 2026-03-16, 2026-03-31",
    })
    void aPeriodCountsTheDaysWhoseMidnightIsWithin(Instant start, Instant end, LocalDate first, LocalDate last) {
        Period period = Period.of(start, end);

        assertThat(period.firstDay()).isEqualTo(first);
        assertThat(period.lastDay()).isEqualTo(last);
    }

    @ParameterizedTest(name = "ending {0}, now {1}: over {2}")
    @CsvSource({
        "2027-01-01T00:00:00Z, 2027-01-01T00:00:00Z, true",
        "2027-01-01T00:00:00Z, 2026-12-31T23:59:59Z, false",
        "2027-01-01T00:00:00Z, 2027-03-01T00:00:00Z, true",
    })
    void aPeriodIsOverOnceItsEndIsPast(Instant end, Instant now, boolean over) {
        assertThat(new Period(end.minusSeconds(86_400), end).overAt(now)).isEqualTo(over);
    }
}
