package fr.bilan.quality.funder;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * Which year the funders are asked about, by the centre's day: a list shows any year from
 * {@value #FIRST_YEAR} to the current one (the current one when none is asked); a survey asks about a year
 * that has begun and is not before the previous one (the funders are asked about once a year, while they
 * remember it); the yearly date asks about the year before.
 */
public final class FunderYears {

    /** No bilan of the platform ended before. */
    static final int FIRST_YEAR = 2000;

    private FunderYears() {
    }

    /** The year a list shows: {@code asked}, or the current one for 0. */
    public static int listed(int asked, LocalDate today) {
        if (asked == 0) {
            return today.getYear();
        }
        if (asked < FIRST_YEAR || asked > today.getYear()) {
            throw InvalidFields.of("year", "Indiquez une année de " + FIRST_YEAR + " à " + today.getYear() + ".");
        }
        return asked;
    }

    /** Checks that the funders may be asked about {@code asked} now. */
    public static int sendable(int asked, LocalDate today) {
        if (asked == 0) {
            throw InvalidFields.of("year", "Indiquez l'année sur laquelle interroger les financeurs.");
        }
        if (asked > today.getYear()) {
            throw new RuleRefusal("L'année " + asked + " n'a pas commencé : ses financeurs ne peuvent pas encore être "
                    + "interrogés.");
        }
        if (asked < today.getYear() - 1) {
            throw new RuleRefusal("Les financeurs sont interrogés sur l'année en cours ou la précédente ("
                    + (today.getYear() - 1) + " ou " + today.getYear() + "), plus sur " + asked + ".");
        }
        return asked;
    }

    /** The year the yearly date asks about on {@code today}: the year before, once {@code sendDay} has come. */
    public static Optional<Integer> dueOn(LocalDate today, MonthDay sendDay) {
        return today.isBefore(sendDay.atYear(today.getYear())) ? Optional.empty() : Optional.of(today.getYear() - 1);
    }
}
