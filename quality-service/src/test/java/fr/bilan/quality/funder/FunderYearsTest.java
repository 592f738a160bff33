package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/** Which year the funders are listed for, may be asked about, and are asked about by the yearly date. */
class FunderYearsTest {

    @ParameterizedTest
    @CsvSource({
        "2026-03-10, 0,    2026",
        "2026-03-10, 2026, 2026",
        "2026-03-10, 2019, 2019",
        "2026-01-01, 2000, 2000" })
    void aListShowsAnyYearUpToTheCurrentOne(LocalDate today, int asked, int listed) {
        assertThat(FunderYears.listed(asked, today)).isEqualTo(listed);
    }

    @ParameterizedTest
    @CsvSource({ "2027", "1999", "-1" })
    void aListOfAYearToComeOrBeforeThePlatformIsRefused(int asked) {
        assertThatThrownBy(() -> FunderYears.listed(asked, LocalDate.of(2026, 3, 10))).isInstanceOf(InvalidFields.class);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-10, 2026, ",
        "2026-03-10, 2025, ",
        "2026-01-01, 2025, ",
        "2026-03-10, 2027, RuleRefusal",
        "2026-12-31, 2027, RuleRefusal",
        "2026-03-10, 2024, RuleRefusal",
        "2026-03-10, 0,    InvalidFields" })
    void theFundersAreAskedAboutAYearBegunNotBeforeThePreviousOne(LocalDate today, int asked, String refusal) {
        if (refusal == null) {
            assertThat(FunderYears.sendable(asked, today)).isEqualTo(asked);
        } else {
            assertThatThrownBy(() -> FunderYears.sendable(asked, today))
                    .isInstanceOf(refusal.equals("RuleRefusal") ? RuleRefusal.class : InvalidFields.class)
                    .hasMessageNotContaining("null");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2027-01-14, 01-15, ",
        "2027-01-15, 01-15, 2026",
        "2027-06-30, 01-15, 2026",
        "2027-12-31, 01-15, 2026",
        "2027-01-01, 01-01, 2026",
        "2028-02-28, 02-29, ",
        "2028-02-29, 02-29, 2027",
        "2027-02-28, 02-29, 2026" })
    void theYearlyDateAsksAboutTheYearBeforeOnceItHasCome(LocalDate today, String sendDay, Integer due) {
        assertThat(FunderYears.dueOn(today, MonthDay.parse("--" + sendDay))).isEqualTo(Optional.ofNullable(due));
    }
}
