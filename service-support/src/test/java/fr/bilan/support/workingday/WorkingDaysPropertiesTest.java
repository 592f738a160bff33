package fr.bilan.support.workingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** plus and between over random dates of 2023–2031 (the CPF years and around), every calendar. */
class WorkingDaysPropertiesTest {

    @Property
    void aDeadlineOfOneDayOrMoreFallsOnAWorkingDay(@ForAll HolidayCalendar calendar, @ForAll("dates") LocalDate from,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        WorkingDays workingDays = new WorkingDays(calendar);

        assertThat(workingDays.isWorkingDay(workingDays.plus(from, days))).isTrue();
    }

    @Property
    void betweenCountsBackWhatPlusCounted(@ForAll HolidayCalendar calendar, @ForAll("dates") LocalDate from,
            @ForAll @IntRange(min = 0, max = 60) int days) {
        WorkingDays workingDays = new WorkingDays(calendar);

        assertThat(workingDays.between(from, workingDays.plus(from, days))).isEqualTo(days);
    }

    @Property
    void plusIsMonotonicInTheDaysAndInTheStart(@ForAll HolidayCalendar calendar, @ForAll("dates") LocalDate from,
            @ForAll @IntRange(min = 0, max = 30) int laterBy, @ForAll @IntRange(min = 0, max = 30) int days,
            @ForAll @IntRange(min = 0, max = 30) int moreDays) {
        WorkingDays workingDays = new WorkingDays(calendar);
        LocalDate deadline = workingDays.plus(from, days);

        assertThat(workingDays.plus(from, days + moreDays)).isAfterOrEqualTo(deadline);
        assertThat(workingDays.plus(from.plusDays(laterBy), days)).isAfterOrEqualTo(deadline);
        if (moreDays > 0) {
            assertThat(workingDays.plus(from, days + moreDays)).isAfter(deadline);
        }
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        LocalDate first = LocalDate.of(2023, 1, 1);
        return Arbitraries.integers().between(0, 9 * 365).map(first::plusDays);
    }
}
