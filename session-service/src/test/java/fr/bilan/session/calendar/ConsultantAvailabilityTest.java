package fr.bilan.session.calendar;

import static fr.bilan.session.calendar.CalendarFixtures.ONE_HOUR;
import static fr.bilan.session.calendar.CalendarFixtures.TWO_HOURS;
import static fr.bilan.session.calendar.CalendarFixtures.at;
import static fr.bilan.session.calendar.CalendarFixtures.hours;
import static fr.bilan.session.calendar.CalendarFixtures.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.session.calendar.ConsultantAvailability.SpecialDay;

class ConsultantAvailabilityTest {

    private static final CentreZone PARIS = CentreZone.METROPOLITAN_FRANCE;
    private static final ZoneId PARIS_ZONE = PARIS.zone();

    /** Tuesdays 09:00–12:00 and 14:00–17:00, Thursdays 09:00–12:00 then 12:00–13:00. */
    private static final Map<DayOfWeek, List<OpeningHours>> WEEK = Map.of(
            DayOfWeek.TUESDAY, List.of(hours("14:00", "17:00"), hours("09:00", "12:00")),
            DayOfWeek.THURSDAY, List.of(hours("09:00", "12:00"), hours("12:00", "13:00")));

    @Test
    void coversItsWeeklyHoursOnlyAndSaysWhichTheyAre() {
        ConsultantAvailability consultant = new ConsultantAvailability(WEEK, List.of(), List.of());

        assertThat(consultant.covers(at(PARIS, "2026-11-24T10:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.unavailability(at(PARIS, "2026-11-24T14:00", TWO_HOURS), PARIS_ZONE)).isEmpty();
        // touching ranges hold a session across them
        assertThat(consultant.covers(at(PARIS, "2026-11-26T11:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.unavailability(at(PARIS, "2026-11-24T11:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le mardi 24/11/2026 de 11:00 à 13:00 (ses horaires ce "
                        + "jour-là : de 09:00 à 12:00, de 14:00 à 17:00)");
        assertThat(consultant.unavailability(at(PARIS, "2026-11-23T10:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le lundi 23/11/2026 de 10:00 à 12:00 (il ne reçoit pas "
                        + "ce jour-là)");
    }

    @Test
    void anAbsenceNamesItsLabelAndLeavesTheTimeItOnlyTouches() {
        ConsultantAvailability consultant = new ConsultantAvailability(WEEK, List.of(
                new Absence(instant(PARIS, "2026-11-24T10:00"), instant(PARIS, "2026-11-27T00:00"), " congés "),
                new Absence(instant(PARIS, "2026-11-24T08:00"), instant(PARIS, "2026-11-24T09:30"))), List.of());

        assertThat(consultant.unavailability(at(PARIS, "2026-11-24T10:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le mardi 24/11/2026 de 10:00 à 12:00 (absence : congés)");
        assertThat(consultant.unavailability(at(PARIS, "2026-11-24T09:00", ONE_HOUR), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le mardi 24/11/2026 de 09:00 à 10:00 (absence)");
        assertThat(consultant.covers(at(PARIS, "2026-11-26T09:00", ONE_HOUR), PARIS_ZONE)).isFalse();
        // between the two absences, touching both
        assertThat(consultant.covers(at(PARIS, "2026-11-24T09:30", Duration.ofMinutes(30)), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(at(PARIS, "2026-12-01T09:00", ONE_HOUR), PARIS_ZONE)).isTrue();
    }

    @Test
    void specialDaysAddHoursOrReplaceThem() {
        ConsultantAvailability consultant = new ConsultantAvailability(WEEK, List.of(), List.of(
                SpecialDay.extraHours(LocalDate.of(2026, 11, 28), hours("09:00", "12:00")),
                SpecialDay.extraHours(LocalDate.of(2026, 11, 24), hours("17:00", "19:00")),
                SpecialDay.replacedHours(LocalDate.of(2026, 11, 26), hours("14:00", "16:00")),
                SpecialDay.dayOff(LocalDate.of(2026, 12, 1))));

        // a Saturday morning
        assertThat(consultant.covers(at(PARIS, "2026-11-28T10:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(at(PARIS, "2026-12-05T10:00", TWO_HOURS), PARIS_ZONE)).isFalse();
        // the evening added to Tuesday's afternoon, one stretch
        assertThat(consultant.covers(at(PARIS, "2026-11-24T16:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(at(PARIS, "2026-11-26T14:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.unavailability(at(PARIS, "2026-11-26T09:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le jeudi 26/11/2026 de 09:00 à 11:00 (ses horaires ce "
                        + "jour-là : de 14:00 à 16:00)");
        assertThat(consultant.unavailability(at(PARIS, "2026-12-01T09:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le mardi 01/12/2026 de 09:00 à 11:00 (il ne reçoit pas "
                        + "ce jour-là)");
        // the next Tuesday has its weekly hours again
        assertThat(consultant.covers(at(PARIS, "2026-12-08T09:00", TWO_HOURS), PARIS_ZONE)).isTrue();
    }

    @Test
    void withoutWeeklyHoursOnlyAbsencesAndReplacedDaysRestrict() {
        ConsultantAvailability consultant = new ConsultantAvailability(Map.of(DayOfWeek.MONDAY, List.of()),
                List.of(new Absence(instant(PARIS, "2026-11-25T00:00"), instant(PARIS, "2026-11-26T00:00"), "formation")),
                List.of(SpecialDay.replacedHours(LocalDate.of(2026, 11, 27), hours("14:00", "18:00")),
                        SpecialDay.extraHours(LocalDate.of(2026, 11, 30), hours("09:00", "10:00"))));

        assertThat(ConsultantAvailability.undeclared().covers(at(PARIS, "2026-11-29T07:00", TWO_HOURS), PARIS_ZONE))
                .isTrue();
        assertThat(consultant.covers(at(PARIS, "2026-11-23T07:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(at(PARIS, "2026-11-30T16:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.unavailability(at(PARIS, "2026-11-25T14:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le mercredi 25/11/2026 de 14:00 à 16:00 (absence : "
                        + "formation)");
        assertThat(consultant.covers(at(PARIS, "2026-11-27T09:00", TWO_HOURS), PARIS_ZONE)).isFalse();
        assertThat(consultant.covers(at(PARIS, "2026-11-27T14:00", TWO_HOURS), PARIS_ZONE)).isTrue();
        // a session is held within one day, even without hours declared
        assertThat(consultant.unavailability(at(PARIS, "2026-11-23T23:00", TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible du lundi 23/11/2026 à 23:00 au mardi 24/11/2026 à 01:00 "
                        + "(le créneau s'étend sur deux jours)");
    }

    @Test
    void readsItsHoursOnTheCentresClockAcrossDaylightSavingChanges() {
        ConsultantAvailability consultant = new ConsultantAvailability(
                Map.of(DayOfWeek.MONDAY, List.of(hours("09:00", "12:00"))), List.of(), List.of());

        // 09:00 in Paris is 08:00 UTC in winter time, 07:00 UTC in summer time
        assertThat(consultant.covers(new Slot(Instant.parse("2026-03-23T08:00:00Z"), TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-03-30T07:00:00Z"), TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-03-23T07:00:00Z"), TWO_HOURS), PARIS_ZONE)).isFalse();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-10-19T07:00:00Z"), TWO_HOURS), PARIS_ZONE)).isTrue();
        assertThat(consultant.unavailability(new Slot(Instant.parse("2026-10-26T07:00:00Z"), TWO_HOURS), PARIS_ZONE))
                .contains("le consultant n'est pas disponible le lundi 26/10/2026 de 08:00 à 10:00 (ses horaires ce "
                        + "jour-là : de 09:00 à 12:00)");
        // Réunion keeps UTC+4 all year
        ZoneId reunion = CentreZone.REUNION.zone();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-03-23T05:00:00Z"), TWO_HOURS), reunion)).isTrue();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-03-30T05:00:00Z"), TWO_HOURS), reunion)).isTrue();
        assertThat(consultant.covers(new Slot(Instant.parse("2026-10-26T04:00:00Z"), TWO_HOURS), reunion)).isFalse();
    }

    @Test
    void refusesInconsistentDeclarations() {
        Instant monday = instant(PARIS, "2026-11-23T09:00");

        assertThatThrownBy(() -> new ConsultantAvailability(
                Map.of(DayOfWeek.MONDAY, List.of(hours("09:00", "12:00"), hours("11:00", "13:00"))), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping hours");
        assertThatThrownBy(() -> hours("12:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Absence(monday, monday.minusSeconds(1), "congés"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecialDay.extraHours(LocalDate.of(2026, 11, 28), hours("09:00", "12:00"),
                hours("10:00", "11:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsultantAvailability(WEEK, List.of(),
                List.of(SpecialDay.dayOff(LocalDate.of(2026, 11, 28)), SpecialDay.extraHours(LocalDate.of(2026, 11, 28),
                        hours("09:00", "12:00"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-28");
    }
}
