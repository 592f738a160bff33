package fr.bilan.quality.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One published figure and what it is computed over: a count or a rate in percent (one decimal). A figure
 * over fewer than {@value #FIGURE_MIN} people is not shown, and then carries no value either (0), so that
 * no reader can work it out from the answer: with so few people, a rate would point at someone.
 *
 * @param shown      whether it may be shown
 * @param value      the figure when shown, 0 otherwise
 * @param sampleSize the people (bilans or answers) it is computed over
 */
public record Figure(boolean shown, double value, long sampleSize) {

    /** Below this many people, a figure is not shown (Qualiopi's practice: no result points at a person). */
    public static final int FIGURE_MIN = 5;

    public Figure {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("a negative sample size");
        }
        if (!shown && value != 0) {
            throw new IllegalArgumentException("a hidden figure carries no value");
        }
    }

    /** A count of people, shown from {@value #FIGURE_MIN}. */
    public static Figure count(long people) {
        return people < FIGURE_MIN ? hidden(people) : new Figure(true, people, people);
    }

    /** The share of {@code part} among {@code whole} people, in percent to one decimal, shown from {@value #FIGURE_MIN}. */
    public static Figure rate(long part, long whole) {
        if (part < 0 || part > whole) {
            throw new IllegalArgumentException("a part of " + part + " out of " + whole);
        }
        if (whole < FIGURE_MIN) {
            return hidden(whole);
        }
        // half up on the exact quotient: 2 out of 3 is 66.7, never 66.66999
        double percent = BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
        return new Figure(true, percent, whole);
    }

    private static Figure hidden(long sampleSize) {
        return new Figure(false, 0, sampleSize);
    }
}
