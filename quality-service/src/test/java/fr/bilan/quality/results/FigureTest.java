package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A figure's rule: shown from 5 people, a rate in percent to one decimal, a hidden one carries nothing. */
class FigureTest {

    @ParameterizedTest(name = "{0} out of {1}: shown {2}, {3} %")
    @CsvSource({
        "0, 0, false, 0",
        "3, 4, false, 0",
        "4, 4, false, 0",
        "0, 5, true, 0",
        "5, 5, true, 100",
        "1, 5, true, 20",
        "2, 3, false, 0",
        "2, 6, true, 33.3",
        "4, 6, true, 66.7",
        "1, 8, true, 12.5",
        "1, 16, true, 6.3",
        "999999, 1000000, true, 100",
        "1, 1000000, true, 0",
        "500, 1000000, true, 0.1",
    })
    void aRateIsShownFromFivePeopleToOneDecimal(long part, long whole, boolean shown, double value) {
        Figure rate = Figure.rate(part, whole);

        assertThat(rate.shown()).isEqualTo(shown);
        assertThat(rate.value()).isEqualTo(value);
        assertThat(rate.sampleSize()).isEqualTo(whole);
    }

    @ParameterizedTest(name = "{0} people: shown {1}")
    @CsvSource({"0, false", "1, false", "4, false", "5, true", "6, true", "1000000, true"})
    void aCountIsShownFromFivePeople(long people, boolean shown) {
        Figure count = Figure.count(people);

        assertThat(count.shown()).isEqualTo(shown);
        assertThat(count.value()).isEqualTo(shown ? people : 0);
        assertThat(count.sampleSize()).isEqualTo(people);
    }

    @Property
    void aRateIsAPercentage(@ForAll @LongRange(max = 10_000_000) long whole, @ForAll @LongRange(max = 10_000_000) long part) {
        Assume.that(part <= whole);

        Figure rate = Figure.rate(part, whole);

        assertThat(rate.value()).isBetween(0.0, 100.0);
        assertThat(Math.round(rate.value() * 10) / 10.0).isEqualTo(rate.value());
        if (rate.shown()) {
            assertThat(Math.abs(rate.value() - 100.0 * part / whole)).isLessThanOrEqualTo(0.05 + 1e-9);
        }
    }

    @Property
    void aHiddenFigureNeverLeaksItsValue(@ForAll @LongRange(max = Figure.FIGURE_MIN - 1) long whole,
            @ForAll @LongRange(max = Figure.FIGURE_MIN - 1) long part) {
        Assume.that(part <= whole);

        assertThat(Figure.rate(part, whole)).isEqualTo(new Figure(false, 0, whole));
        assertThat(Figure.count(whole)).isEqualTo(new Figure(false, 0, whole));
    }

    @ParameterizedTest
    @CsvSource({"6, 5", "-1, 5"})
    void aPartIsWithinItsWhole(long part, long whole) {
        assertThatThrownBy(() -> Figure.rate(part, whole)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aHiddenFigureCannotBeMadeWithAValue() {
        assertThatThrownBy(() -> new Figure(false, 42, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
