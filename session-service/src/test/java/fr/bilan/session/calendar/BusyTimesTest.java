package fr.bilan.session.calendar;

import static fr.bilan.session.calendar.CalendarFixtures.ONE_HOUR;
import static fr.bilan.session.calendar.CalendarFixtures.TWO_HOURS;
import static fr.bilan.session.calendar.CalendarFixtures.at;
import static fr.bilan.session.calendar.CalendarFixtures.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BusyTimesTest {

    private static final CentreZone PARIS = CentreZone.METROPOLITAN_FRANCE;

    @Test
    void mergesTheCalendarsInAnyOrderAndSaysWhenABlockingStretchEnds() {
        // the room's booking overlaps the consultant's session, the beneficiary's follows it
        BusyTimes busy = BusyTimes.of(List.of(at(PARIS, "2026-11-23T16:00", ONE_HOUR),
                at(PARIS, "2026-11-23T10:00", Duration.ofMinutes(40)), at(PARIS, "2026-11-23T09:00", Duration.ofMinutes(70)),
                at(PARIS, "2026-11-23T10:40", Duration.ofMinutes(20))));

        assertThat(busy.blockedUntil(at(PARIS, "2026-11-23T08:00", TWO_HOURS))).contains(instant(PARIS, "2026-11-23T11:00"));
        assertThat(busy.blockedUntil(at(PARIS, "2026-11-23T10:50", ONE_HOUR))).contains(instant(PARIS, "2026-11-23T11:00"));
        assertThat(busy.blockedUntil(at(PARIS, "2026-11-23T15:30", Duration.ofMinutes(31))))
                .contains(instant(PARIS, "2026-11-23T17:00"));
    }

    @Test
    void aSlotThatOnlyTouchesBusyTimesIsFree() {
        BusyTimes busy = BusyTimes.of(List.of(at(PARIS, "2026-11-23T09:00", ONE_HOUR),
                at(PARIS, "2026-11-23T12:00", ONE_HOUR)));

        assertThat(busy.isFree(at(PARIS, "2026-11-23T10:00", TWO_HOURS))).isTrue();
        assertThat(busy.isFree(at(PARIS, "2026-11-23T08:00", ONE_HOUR))).isTrue();
        assertThat(busy.isFree(at(PARIS, "2026-11-23T13:00", ONE_HOUR))).isTrue();
        assertThat(busy.isFree(at(PARIS, "2026-11-23T10:01", TWO_HOURS))).isFalse();
        assertThat(BusyTimes.NONE.isFree(at(PARIS, "2026-11-23T10:01", TWO_HOURS))).isTrue();
    }

    @Test
    void aPlacedSessionBecomesBusyWithoutChangingTheOriginal() {
        BusyTimes before = BusyTimes.of(List.of(at(PARIS, "2026-11-23T09:00", ONE_HOUR)));
        BusyTimes after = before.with(at(PARIS, "2026-11-23T10:00", ONE_HOUR));

        assertThat(after.blockedUntil(at(PARIS, "2026-11-23T09:30", ONE_HOUR))).contains(instant(PARIS, "2026-11-23T11:00"));
        assertThat(before.isFree(at(PARIS, "2026-11-23T10:00", ONE_HOUR))).isTrue();
    }

    @Test
    void findsItsWayInAYearOfSessions() {
        BusyTimes year = BusyTimes.of(CalendarFixtures.yearOfSessions(PARIS, 2026));

        assertThat(year.isFree(at(PARIS, "2026-06-17T11:00", Duration.ofMinutes(90)))).isTrue();
        assertThat(year.isFree(at(PARIS, "2026-06-17T17:00", ONE_HOUR))).isTrue();
        assertThat(year.blockedUntil(at(PARIS, "2026-06-17T11:00", TWO_HOURS))).isEmpty();
        assertThat(year.blockedUntil(at(PARIS, "2026-06-17T13:30", ONE_HOUR))).contains(instant(PARIS, "2026-06-17T17:00"));
        assertThat(year.blockedUntil(at(PARIS, "2026-12-31T09:30", ONE_HOUR))).contains(instant(PARIS, "2026-12-31T11:00"));
    }
}
