package fr.bilan.session.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.calendar-feeds.*}: which sessions a feed shows, and how often calendars are asked to
 * fetch it again.
 *
 * @param past              sessions that started up to this long ago are shown
 * @param ahead             sessions starting up to this far ahead are shown
 * @param cancelledShownFor a session cancelled this long ago or less is shown as cancelled, so that
 *                          calendars that copied it remove it
 * @param refreshInterval   how often calendars should fetch the feed again
 */
@ConfigurationProperties("bilan.calendar-feeds")
public record CalendarFeedProperties(Duration past, Duration ahead, Duration cancelledShownFor,
        Duration refreshInterval) {

    public CalendarFeedProperties {
        for (Duration setting : new Duration[] {past, ahead, cancelledShownFor, refreshInterval}) {
            if (setting == null || setting.isNegative() || setting.isZero()) {
                throw new IllegalArgumentException("bilan.calendar-feeds must set past, ahead, cancelled-shown-for "
                        + "and refresh-interval, each longer than zero");
            }
        }
    }
}
