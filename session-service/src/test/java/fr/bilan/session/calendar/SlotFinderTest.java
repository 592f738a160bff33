package fr.bilan.session.calendar;

import static fr.bilan.session.calendar.CalendarFixtures.ONE_HOUR;
import static fr.bilan.session.calendar.CalendarFixtures.TWO_HOURS;
import static fr.bilan.session.calendar.CalendarFixtures.at;
import static fr.bilan.session.calendar.CalendarFixtures.hours;
import static fr.bilan.session.calendar.CalendarFixtures.instant;
import static fr.bilan.session.calendar.CalendarFixtures.local;
import static fr.bilan.session.calendar.CalendarFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.support.refusal.RuleRefusal;

class SlotFinderTest {

    private static final CentreZone PARIS = CentreZone.METROPOLITAN_FRANCE;
    private static final Duration PLENTY = Duration.ofHours(20);

    private static SlotFinder finder(CentreZone zone) {
        return new SlotFinder(rules(zone, 2, 0), ConsultantAvailability.undeclared());
    }

    private static SlotRequest request(Instant from, Duration duration, List<Slot> busy, List<Slot> bilanSessions) {
        return new SlotRequest(Phase.INVESTIGATION, duration, from, PLENTY, BusyTimes.of(busy), bilanSessions);
    }

    private static List<LocalDateTime> starts(CentreZone zone, List<Slot> slots) {
        return slots.stream().map(slot -> local(zone, slot)).toList();
    }

    @Test
    void proposesTheNextFreeSlotsInTimeOrderEachAChoiceOfItsOwn() {
        List<Slot> slots = finder(PARIS).next(request(instant(PARIS, "2026-11-23T08:00"), TWO_HOURS, List.of(), List.of()));

        // 11:00 would run past the 12:30 closing
        assertThat(starts(PARIS, slots)).containsExactly(LocalDateTime.parse("2026-11-23T09:00"),
                LocalDateTime.parse("2026-11-23T14:00"), LocalDateTime.parse("2026-11-23T16:00"),
                LocalDateTime.parse("2026-11-24T09:00"), LocalDateTime.parse("2026-11-24T14:00"));
        assertThat(slots).allMatch(slot -> slot.duration().equals(TWO_HOURS));
    }

    @Test
    void startsOnTheStepOfTheCentresClockAfterBusyTimes() {
        // the consultant until 10:10, the room (the same session, booked longer) until 10:40
        List<Slot> busy = List.of(at(PARIS, "2026-11-23T09:00", Duration.ofMinutes(70)),
                at(PARIS, "2026-11-23T09:00", Duration.ofMinutes(100)));

        Instant monday = instant(PARIS, "2026-11-23T08:00");

        assertThat(starts(PARIS, finder(PARIS).next(request(monday, ONE_HOUR, busy, List.of()), 2)))
                .containsExactly(LocalDateTime.parse("2026-11-23T10:45"), LocalDateTime.parse("2026-11-23T14:00"));
        assertThat(starts(PARIS, finder(PARIS).next(request(monday.plusSeconds(67 * 60), ONE_HOUR, List.of(), List.of()),
                1))).containsExactly(LocalDateTime.parse("2026-11-23T09:15"));
        SlotFinder halfHours = new SlotFinder(rules(PARIS, 2, 0), ConsultantAvailability.undeclared(),
                Duration.ofMinutes(30), SlotFinder.DEFAULT_HORIZON);
        assertThat(starts(PARIS, halfHours.next(request(monday, ONE_HOUR, busy, List.of()), 1)))
                .containsExactly(LocalDateTime.parse("2026-11-23T11:00"));
    }

    @Test
    void keepsToTheConsultantsHoursAndAbsences() {
        ConsultantAvailability consultant = new ConsultantAvailability(
                Map.of(DayOfWeek.TUESDAY, List.of(hours("14:00", "18:00")), DayOfWeek.WEDNESDAY,
                        List.of(hours("14:00", "18:00")), DayOfWeek.THURSDAY, List.of(hours("14:00", "17:00"))),
                List.of(new Absence(instant(PARIS, "2026-11-25T00:00"), instant(PARIS, "2026-11-26T00:00"), "formation")),
                List.of());
        SlotFinder finder = new SlotFinder(rules(PARIS, 2, 0), consultant);

        assertThat(starts(PARIS, finder.next(request(instant(PARIS, "2026-11-23T08:00"), TWO_HOURS, List.of(), List.of()))))
                .containsExactly(LocalDateTime.parse("2026-11-24T14:00"), LocalDateTime.parse("2026-11-24T16:00"),
                        LocalDateTime.parse("2026-11-26T14:00"), LocalDateTime.parse("2026-12-01T14:00"),
                        LocalDateTime.parse("2026-12-01T16:00"));
    }

    @Test
    void keepsToTheWeeklyCapAndTheDaysBetweenSessions() {
        List<Slot> twoThisWeek = List.of(at(PARIS, "2026-11-23T09:00", TWO_HOURS), at(PARIS, "2026-11-24T09:00", TWO_HOURS));
        SlotFinder everyOtherDay = new SlotFinder(rules(PARIS, 2, 2), ConsultantAvailability.undeclared());

        assertThat(starts(PARIS, finder(PARIS).next(request(instant(PARIS, "2026-11-24T12:00"), TWO_HOURS, twoThisWeek,
                twoThisWeek), 1))).containsExactly(LocalDateTime.parse("2026-11-30T09:00"));
        assertThat(starts(PARIS, everyOtherDay.next(request(instant(PARIS, "2026-11-23T12:00"), TWO_HOURS,
                twoThisWeek.subList(0, 1), twoThisWeek.subList(0, 1)), 2)))
                .containsExactly(LocalDateTime.parse("2026-11-25T09:00"), LocalDateTime.parse("2026-11-25T14:00"));
    }

    @Test
    void refusesWhatNoSlotCouldHold() {
        SlotFinder finder = finder(PARIS);
        Instant monday = instant(PARIS, "2026-11-23T08:00");

        assertThatThrownBy(() -> finder.next(new SlotRequest(Phase.CONCLUSION, TWO_HOURS, monday, Duration.ofMinutes(90),
                BusyTimes.NONE, List.of()))).isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, "
                        + "L6313-4) : il en reste 1 h 30, et cette séance en demande 2 h.");
        assertThatThrownBy(() -> finder.next(request(monday, Duration.ofHours(5), List.of(), List.of())))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Une séance de 5 h ne respecte pas les règles du centre : une séance dure de 60 à 240 "
                        + "minutes.");
        // the intake interview is not counted
        assertThat(finder.next(new SlotRequest(Phase.INTAKE, TWO_HOURS, monday, Duration.ZERO, BusyTimes.NONE, List.of())))
                .hasSize(5);
    }

    @Test
    void keepsTheLocalHourAcrossTheDaylightSavingChangesInParis() {
        // Thursday and Friday taken: the next slot is on the Monday after the change
        List<Slot> spring = List.of(at(PARIS, "2026-03-26T08:00", Duration.ofHours(34)),
                at(PARIS, "2026-03-27T08:00", Duration.ofHours(11)));
        List<Slot> autumn = List.of(at(PARIS, "2026-10-23T08:00", Duration.ofHours(11)),
                at(PARIS, "2026-10-26T09:00", ONE_HOUR));

        assertThat(finder(PARIS).next(request(instant(PARIS, "2026-03-26T08:00"), TWO_HOURS, spring, List.of()), 2))
                .extracting(Slot::start)
                .containsExactly(Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T12:00:00Z"));
        // 09:00–10:00 on the Monday is taken: 10:00 local, 09:00 UTC in winter time
        assertThat(finder(PARIS).next(request(instant(PARIS, "2026-10-23T08:00"), TWO_HOURS, autumn, List.of()), 1))
                .extracting(Slot::start).containsExactly(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void keepsTheLocalHourOverseasWhereTheClockNeverChanges() {
        CentreZone guadeloupe = CentreZone.GUADELOUPE;
        List<Slot> busy = List.of(at(guadeloupe, "2026-03-27T08:00", Duration.ofHours(11)),
                at(guadeloupe, "2026-10-23T08:00", Duration.ofHours(11)));

        assertThat(finder(guadeloupe).next(request(instant(guadeloupe, "2026-03-27T08:00"), TWO_HOURS, busy, List.of()), 1))
                .extracting(Slot::start).containsExactly(Instant.parse("2026-03-30T13:00:00Z"));
        assertThat(finder(guadeloupe).next(request(instant(guadeloupe, "2026-10-23T08:00"), TWO_HOURS, busy, List.of()), 1))
                .extracting(Slot::start).containsExactly(Instant.parse("2026-10-26T13:00:00Z"));
    }

    @Test
    void neverStartsAtALocalTimeTheClockSkips() {
        // a centre open on the night clocks go forward: 02:00–03:00 does not exist on 29 March 2026
        CentreRules night = new CentreRules(PARIS, Map.of(DayOfWeek.SUNDAY, List.of(hours("01:00", "06:00"))),
                ONE_HOUR, TWO_HOURS, 2, 0);
        SlotFinder finder = new SlotFinder(night, ConsultantAvailability.undeclared(), Duration.ofMinutes(40),
                SlotFinder.DEFAULT_HORIZON);

        List<Slot> slots = finder.next(request(Instant.parse("2026-03-29T00:30:00Z"), ONE_HOUR, List.of(), List.of()), 1);

        // 01:30 is off the 40-minute step, 02:00 and 02:40 do not exist, 03:20 does
        assertThat(slots).extracting(Slot::start).containsExactly(Instant.parse("2026-03-29T01:20:00Z"));
        assertThat(local(PARIS, slots.get(0))).isEqualTo(LocalDateTime.parse("2026-03-29T03:20"));
    }

    @Test
    void findsTheFewGapsOfABusyYear() {
        // a consultant's year, the room's and the beneficiary's sessions on top; 2-hour gaps opened on
        // two days only
        List<Slot> busy = new ArrayList<>(CalendarFixtures.yearOfSessions(PARIS, 2026));
        busy.addAll(CalendarFixtures.yearOfSessions(PARIS, 2026).subList(0, 400));
        List<LocalDateTime> opened = List.of(LocalDateTime.parse("2026-06-17T14:00"),
                LocalDateTime.parse("2026-06-17T15:00"), LocalDateTime.parse("2026-07-03T09:00"),
                LocalDateTime.parse("2026-07-03T10:00"));
        busy.removeIf(slot -> opened.contains(local(PARIS, slot)));
        assertThat(busy).hasSizeGreaterThan(1_500);

        List<Slot> slots = finder(PARIS).next(request(instant(PARIS, "2026-06-01T00:00"), TWO_HOURS, busy, List.of()));

        assertThat(starts(PARIS, slots)).containsExactly(LocalDateTime.parse("2026-06-17T14:00"),
                LocalDateTime.parse("2026-07-03T09:00"));
        assertThat(slots).allMatch(slot -> busy.stream().noneMatch(slot::overlaps));
        // 1 hour 30 fits each morning from 11:00
        assertThat(starts(PARIS, finder(PARIS).next(request(instant(PARIS, "2026-06-01T00:00"), Duration.ofMinutes(90),
                busy, List.of()), 2))).containsExactly(LocalDateTime.parse("2026-06-01T11:00"),
                        LocalDateTime.parse("2026-06-02T11:00"));
    }

    @Test
    void looksNoFurtherThanTheHorizon() {
        SlotFinder tomorrowOnly = new SlotFinder(rules(PARIS, 2, 0), ConsultantAvailability.undeclared(),
                SlotFinder.DEFAULT_STEP, Period.ofDays(1));
        List<Slot> mondayTaken = List.of(at(PARIS, "2026-11-23T09:00", Duration.ofHours(9)));

        // from Friday evening, the horizon ends on Saturday evening
        assertThat(tomorrowOnly.next(request(instant(PARIS, "2026-11-20T18:00"), TWO_HOURS, List.of(), List.of())))
                .isEmpty();
        assertThat(starts(PARIS, tomorrowOnly.next(request(instant(PARIS, "2026-11-23T08:00"), TWO_HOURS, mondayTaken,
                List.of())))).isEmpty();
        assertThat(starts(PARIS, tomorrowOnly.next(request(instant(PARIS, "2026-11-23T15:00"), TWO_HOURS, List.of(),
                List.of())))).containsExactly(LocalDateTime.parse("2026-11-23T15:00"),
                        LocalDateTime.parse("2026-11-24T09:00"), LocalDateTime.parse("2026-11-24T14:00"));
    }
}
