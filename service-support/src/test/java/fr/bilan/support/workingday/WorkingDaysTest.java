package fr.bilan.support.workingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days as the CPF deadlines count them, worked out by hand on the calendar. */
class WorkingDaysTest {

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        // calendar  | from       | days | the last day allowed
        "METROPOLE      | 2026-01-09 | 1 | 2026-01-12", // Friday + 1: over the weekend, Monday
        "METROPOLE      | 2026-01-07 | 2 | 2026-01-09", // Wednesday + 2: Friday
        "METROPOLE      | 2026-01-07 | 3 | 2026-01-12", // Wednesday + 3: Monday
        "METROPOLE      | 2026-01-10 | 0 | 2026-01-10", // 0 days: the date itself, even a Saturday
        "METROPOLE      | 2026-01-10 | 1 | 2026-01-12", // Saturday + 1: Monday
        "METROPOLE      | 2026-04-03 | 1 | 2026-04-07", // Friday before Easter + 1: over the weekend and Easter Monday
        "METROPOLE      | 2026-05-13 | 1 | 2026-05-15", // the eve of Ascension + 1: the bridge Friday is a working day
        "METROPOLE      | 2026-05-13 | 2 | 2026-05-18", // + 2: Monday
        "METROPOLE      | 2026-04-30 | 1 | 2026-05-04", // Thursday 30 April + 1: 1 May, then the weekend
        "METROPOLE      | 2026-05-06 | 11 | 2026-05-26", // + 11 over 8 May, Ascension and Whit Monday
        "METROPOLE      | 2026-04-02 | 1 | 2026-04-03", // Good Friday is worked in metropolitan France
        "ALSACE_MOSELLE | 2026-04-02 | 1 | 2026-04-07", // ... not in Alsace-Moselle: Good Friday, weekend, Easter Monday
        "METROPOLE      | 2025-12-24 | 1 | 2025-12-26", // Christmas + 1 in metropolitan France: 26 December
        "ALSACE_MOSELLE | 2025-12-24 | 1 | 2025-12-29", // Saint Étienne in Alsace-Moselle: Monday
        "METROPOLE      | 2027-12-17 | 1 | 2027-12-20",
        "REUNION        | 2027-12-17 | 1 | 2027-12-21", // 20 December in La Réunion
        "GUADELOUPE     | 2026-07-20 | 1 | 2026-07-22", // 21 July in Guadeloupe
        "MARTINIQUE     | 2026-05-21 | 1 | 2026-05-26", // 22 May (Friday) in Martinique, the weekend, Whit Monday
        "GUYANE         | 2026-06-09 | 1 | 2026-06-11", // 10 June in Guyane
        "MAYOTTE        | 2026-04-24 | 1 | 2026-04-28", // 27 April (Monday) in Mayotte
        "METROPOLE      | 2026-12-30 | 2 | 2027-01-04"}) // over New Year's day and a weekend, into the next year
    void plusCountsOnlyWorkingDays(HolidayCalendar calendar, LocalDate from, int days, LocalDate expected) {
        WorkingDays workingDays = new WorkingDays(calendar);

        assertThat(workingDays.plus(from, days)).isEqualTo(expected);
        assertThat(workingDays.between(from, expected)).isEqualTo(days);
    }

    @ParameterizedTest(name = "{0}: {1} to {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        "METROPOLE      | 2026-05-13 | 2026-05-18 | 2", // Ascension not counted, the bridge Friday counted
        "METROPOLE      | 2026-01-09 | 2026-01-11 | 0", // Friday to Sunday: none
        "METROPOLE      | 2026-01-09 | 2026-01-09 | 0", // the same day
        "METROPOLE      | 2026-01-12 | 2026-01-09 | 0", // backwards: none
        "METROPOLE      | 2026-03-31 | 2026-04-10 | 7", // over Easter Monday
        "ALSACE_MOSELLE | 2026-03-31 | 2026-04-10 | 6", // over Good Friday and Easter Monday
        "METROPOLE      | 2026-01-01 | 2026-12-31 | 252"}) // 2026: 260 weekdays after 1 January, 8 of them holidays
    void betweenCountsTheWorkingDaysAfterTheStartUpToTheEnd(HolidayCalendar calendar, LocalDate from, LocalDate to,
            int expected) {
        assertThat(new WorkingDays(calendar).between(from, to)).isEqualTo(expected);
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        WorkingDays metropole = new WorkingDays(HolidayCalendar.METROPOLE);

        assertThat(metropole.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
        assertThat(metropole.isWorkingDay(LocalDate.of(2026, 5, 15))).as("the bridge Friday").isTrue();
        assertThat(metropole.isWorkingDay(LocalDate.of(2026, 5, 16))).as("Saturday").isFalse();
        assertThat(metropole.isWorkingDay(LocalDate.of(2026, 5, 17))).as("Sunday").isFalse();
    }

    @Test
    void aDeadlineCountsForwardOnly() {
        assertThatThrownBy(() -> new WorkingDays(HolidayCalendar.METROPOLE).plus(LocalDate.of(2026, 1, 9), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
