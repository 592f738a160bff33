package fr.bilan.support.workingday;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days (jours ouvrés) as the CPF platform counts its deadlines: Monday to Friday, public
 * holidays of the centre's calendar excepted. "Within n working days of a date" ends on the n-th
 * working day after it, the date itself not counted.
 */
public record WorkingDays(HolidayCalendar calendar) {

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !calendar.isHoliday(date);
    }

    /** The {@code days}-th working day after {@code from} ({@code from} itself when {@code days} is 0). */
    public LocalDate plus(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a deadline counts forward: " + days);
        }
        LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: how many working days
     * later {@code to} is; 0 when {@code to} is not after {@code from}.
     */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
