package fr.bilan.support.workingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.workingday.HolidayCalendar.Holiday;

/**
 * Every calendar, every year from 2024 to 2030, computed exactly as the government's official list
 * (calendrier.api.gouv.fr, transcribed in {@code official-holidays-2024-2030.csv}): the same dates,
 * the same French names, nothing more, nothing missing.
 */
class OfficialHolidaysTest {

    /** The official list's zones, as its API names them. */
    private static final Map<String, HolidayCalendar> ZONES = Map.of("metropole", HolidayCalendar.METROPOLE,
            "alsace-moselle", HolidayCalendar.ALSACE_MOSELLE, "guadeloupe", HolidayCalendar.GUADELOUPE,
            "martinique", HolidayCalendar.MARTINIQUE, "guyane", HolidayCalendar.GUYANE,
            "la-reunion", HolidayCalendar.REUNION, "mayotte", HolidayCalendar.MAYOTTE);

    private static final List<String[]> OFFICIAL = read();

    static Stream<Arguments> everyCalendarEveryYear() {
        return ZONES.keySet().stream().sorted()
                .flatMap(zone -> IntStream.rangeClosed(2024, 2030).mapToObj(year -> Arguments.of(zone, year)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCalendarEveryYear")
    void theComputedHolidaysAreTheOfficialOnes(String zone, int year) {
        Set<Holiday> official = new HashSet<>();
        for (String[] line : OFFICIAL) {
            LocalDate date = LocalDate.parse(line[0]);
            if (line[2].equals(zone) && date.getYear() == year) {
                official.add(new Holiday(date, line[1]));
            }
        }
        HolidayCalendar calendar = ZONES.get(zone);

        assertThat(official).as("the official list of %s %d", zone, year).hasSizeGreaterThanOrEqualTo(11);
        assertThat(calendar.holidays(year)).containsExactlyInAnyOrderElementsOf(official);
        official.forEach(holiday -> assertThat(calendar.isHoliday(holiday.date())).isTrue());
    }

    private static List<String[]> read() {
        List<String[]> lines = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                OfficialHolidaysTest.class.getResourceAsStream("official-holidays-2024-2030.csv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.split(",", 3));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
