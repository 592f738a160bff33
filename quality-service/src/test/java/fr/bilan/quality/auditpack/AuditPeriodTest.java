package fr.bilan.quality.auditpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.InvalidFields;

/** The days an audit pack covers, in the centre's zone, and the periods refused. */
class AuditPeriodTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

    @ParameterizedTest(name = "{0} to {1} in {2}: {3} to before {4}")
    @CsvSource({
        "2025-12-31T23:00:00Z, 2026-12-31T23:00:00Z, Europe/Paris,   2026-01-01, 2027-01-01",
        // 20:00 UTC on 31 December is already the new year in La Réunion (UTC+4)
        "2025-12-31T20:00:00Z, 2026-12-31T20:00:00Z, Indian/Reunion, 2026-01-01, 2027-01-01",
        "2026-03-10T08:00:00Z, 2026-03-11T08:00:00Z, Europe/Paris,   2026-03-10, 2026-03-11",
        // three years exactly: as long as process evidence is kept
        "2023-12-31T23:00:00Z, 2026-12-31T23:00:00Z, Europe/Paris,   2024-01-01, 2027-01-01",
    })
    void coversTheDaysOfTheCentre(Instant start, Instant end, ZoneId zone, LocalDate first, LocalDate endDay) {
        AuditPeriod period = AuditPeriod.of(start, end, zone);

        assertThat(period).isEqualTo(new AuditPeriod(first, endDay));
        assertThat(period.lastDay()).isEqualTo(endDay.minusDays(1));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-06-01T10:00:00Z | 2026-05-01T10:00:00Z | La fin de la période doit être après son début.",
        "2026-06-01T10:00:00Z | 2026-06-01T10:00:00Z | La fin de la période doit être après son début.",
        "2026-06-01T08:00:00Z | 2026-06-01T18:00:00Z | La période doit couvrir au moins un jour",
        "2023-12-31T23:00:00Z | 2027-01-01T23:00:00Z | La période couvre au plus trois ans",
    })
    void refusesAPeriodNamingItsEnd(Instant start, Instant end, String reason) {
        assertThatThrownBy(() -> AuditPeriod.of(start, end, PARIS)).isInstanceOfSatisfying(InvalidFields.class,
                refusal -> assertThat(refusal.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("end_time");
                    assertThat(violation.description()).startsWith(reason);
                }));
    }

    @ParameterizedTest
    @CsvSource({ "2026-06-01T21:30:00Z, 2026-06-02T01:00:00Z" })
    void theSameInstantsMakeOtherDaysElsewhere(Instant start, Instant end) {
        // in Paris both fall on 1 and 2 June (a day); in La Réunion both on 2 June (no day)
        assertThat(AuditPeriod.of(start, end, PARIS).firstDay()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> AuditPeriod.of(start, end, REUNION)).isInstanceOf(InvalidFields.class);
    }
}
