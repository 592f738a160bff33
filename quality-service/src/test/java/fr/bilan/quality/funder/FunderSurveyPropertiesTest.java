package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The yearly date's settings: safe defaults, and a send day that is no month and day stops the start. */
class FunderSurveyPropertiesTest {

    @Test
    void theDefaultsAsk15JanuaryCheckedHourly() {
        FunderSurveyProperties defaults = new FunderSurveyProperties(null, null, null);
        assertThat(defaults.sendMonthDay()).isEqualTo(MonthDay.of(1, 15));
        assertThat(defaults.checkInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.lockAtMostFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(new FunderSurveyProperties(" 03-01 ", null, null).sendMonthDay()).isEqualTo(MonthDay.of(3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "15-01", "1-15", "--01-15", "02-30", "janvier", "" })
    void aSendDayThatIsNoMonthAndDayStopsTheStart(String sendDay) {
        assertThatThrownBy(() -> new FunderSurveyProperties(sendDay, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bilan.quality.funder-surveys.send-day");
    }
}
