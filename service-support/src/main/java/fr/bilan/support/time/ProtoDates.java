package fr.bilan.support.time;

import java.time.DateTimeException;
import java.time.LocalDate;

import com.google.type.Date;

import fr.bilan.support.errors.FieldViolations;

/** Days as {@code google.type.Date}: the law counts days, not instants. */
public final class ProtoDates {

    private ProtoDates() {
    }

    public static Date of(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())
                .build();
    }

    /**
     * The day a full date names; {@code null} when the date is absent (all zeros). A date that is
     * not a day of the calendar (or lacks its year, month or day) adds a violation on {@code field}
     * and gives {@code null}.
     */
    public static LocalDate day(Date date, String field, FieldViolations violations) {
        if (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
            return null;
        }
        try {
            if (date.getYear() == 0 || date.getMonth() == 0 || date.getDay() == 0) {
                throw new DateTimeException("partial date");
            }
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            violations.add(field, "Date invalide : indiquez l'année, le mois et le jour d'une date qui existe.");
            return null;
        }
    }
}
