package fr.bilan.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates and hours as a French letter writes them, in the centre's zone. */
class FrenchTimesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-01, mardi 1er décembre 2026",
            "2026-12-08, mardi 8 décembre 2026",
            "2027-02-28, dimanche 28 février 2027",
            "2027-08-15, dimanche 15 août 2027"})
    void dates(LocalDate day, String written) {
        assertThat(FrenchTimes.date(day)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"09:00, 9 h", "14:30, 14 h 30", "08:05, 8 h 05", "00:00, 0 h"})
    void hours(LocalTime time, String written) {
        assertThat(FrenchTimes.time(time)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{1}: {2} {3}")
    @CsvSource({
            "2026-12-08T13:00:00Z, Europe/Paris, 14 h, heure de Paris",
            "2026-07-08T12:00:00Z, Europe/Paris, 14 h, heure de Paris",
            "2026-12-08T13:00:00Z, Indian/Reunion, 17 h, heure de La Réunion",
            "2026-12-08T13:00:00Z, America/Guadeloupe, 9 h, heure de la Guadeloupe",
            "2026-12-08T13:00:00Z, America/Martinique, 9 h, heure de la Martinique",
            "2026-12-08T13:00:00Z, America/Cayenne, 10 h, heure de la Guyane",
            "2026-12-08T13:00:00Z, Indian/Mayotte, 16 h, heure de Mayotte"})
    void aTimeIsWrittenInTheCentresZoneAndNamesIt(Instant time, ZoneId zone, String hour, String zoneName) {
        assertThat(FrenchTimes.time(time, zone)).isEqualTo(hour);
        assertThat(FrenchTimes.zoneName(zone)).isEqualTo(zoneName);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-12-07T23:30:00Z, Europe/Paris, mardi 8 décembre 2026", "2026-12-08T02:00:00Z, America/Cayenne, lundi 7 décembre 2026"})
    void theDayIsTheCentresDay(Instant time, ZoneId zone, String day) {
        assertThat(FrenchTimes.date(time, zone)).isEqualTo(day);
    }
}
