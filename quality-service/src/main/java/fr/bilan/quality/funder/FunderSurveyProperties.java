package fr.bilan.quality.funder;

import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.quality.funder-surveys.*}: when the funders are asked about the year before.
 *
 * @param sendDay       the day of the year ({@code MM-dd}, in each centre's zone) from which the funders with a
 *                      contact are asked about the year before, once per centre and year
 * @param checkInterval pause between two checks of that date (one replica at a time: ShedLock lock
 *                      {@code quality-funder-surveys}); a check after the date asks only who was not asked
 * @param lockAtMostFor a dead replica's lock is released after this
 */
@ConfigurationProperties(prefix = "bilan.quality.funder-surveys", ignoreUnknownFields = false)
public record FunderSurveyProperties(String sendDay, Duration checkInterval, Duration lockAtMostFor) {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public FunderSurveyProperties {
        sendDay = sendDay == null ? "01-15" : sendDay.strip();
        checkInterval = checkInterval == null ? Duration.ofHours(1) : checkInterval;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
        sendMonthDay(sendDay);
    }

    /** {@link #sendDay} read. */
    public MonthDay sendMonthDay() {
        return sendMonthDay(sendDay);
    }

    private static MonthDay sendMonthDay(String text) {
        try {
            return MonthDay.parse(text, MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bilan.quality.funder-surveys.send-day must be a month and day, MM-dd "
                    + "(01-15 for 15 January), not '" + text + "'", e);
        }
    }
}
