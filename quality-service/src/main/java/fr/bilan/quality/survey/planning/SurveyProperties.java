package fr.bilan.quality.survey.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.quality.surveys.*}: when the surveys' invitations, reminders and lapses happen.
 *
 * @param interval      pause between two rounds of the job (one replica at a time: ShedLock lock
 *                      {@code quality-surveys})
 * @param reminders     after how long since the invitation each reminder goes (7 and 14 days)
 * @param lapseAfter    how long after the invitation the link lapses
 * @param followUpHour  the hour the "à froid" invitation goes on the follow-up's due day, in the centre's zone
 * @param batchSize     surveys handled per step of a round, at most
 * @param lockAtMostFor a dead replica's lock is released after this
 * @param linkKey       read by the link package ({@code bilan.quality.surveys.link-key}); listed here so that
 *                      a misspelt setting stops the start
 */
@ConfigurationProperties(prefix = "bilan.quality.surveys", ignoreUnknownFields = false)
public record SurveyProperties(Duration interval, List<Duration> reminders, Duration lapseAfter, LocalTime followUpHour,
        Integer batchSize, Duration lockAtMostFor, String linkKey) {

    public SurveyProperties {
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        reminders = reminders == null ? List.of(Duration.ofDays(7), Duration.ofDays(14)) : List.copyOf(reminders);
        lapseAfter = lapseAfter == null ? Duration.ofDays(21) : lapseAfter;
        followUpHour = followUpHour == null ? LocalTime.of(9, 0) : followUpHour;
        batchSize = batchSize == null ? 200 : batchSize;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
        for (int i = 0; i < reminders.size(); i++) {
            if (reminders.get(i).compareTo(i == 0 ? Duration.ZERO : reminders.get(i - 1)) <= 0
                    || reminders.get(i).compareTo(lapseAfter) >= 0) {
                throw new IllegalArgumentException("bilan.quality.surveys.reminders must rise, each after the "
                        + "invitation and before bilan.quality.surveys.lapse-after: " + reminders);
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("bilan.quality.surveys.batch-size must be at least 1");
        }
    }
}
