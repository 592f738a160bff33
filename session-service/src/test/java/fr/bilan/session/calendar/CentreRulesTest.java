package fr.bilan.session.calendar;

import static fr.bilan.session.calendar.CalendarFixtures.TWO_HOURS;
import static fr.bilan.session.calendar.CalendarFixtures.at;
import static fr.bilan.session.calendar.CalendarFixtures.hours;
import static fr.bilan.session.calendar.CalendarFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.RuleRefusal;


class CentreRulesTest {

    @Test
    void opensAtNineLocalTimeOnBothSidesOfTheDaylightSavingChanges() {
        CentreRules paris = rules(CentreZone.METROPOLITAN_FRANCE, 2, 0);
        // Monday 30 March 2026, the day after clocks went forward: 09:00 in Paris is 07:00 UTC
        Slot afterSpring = at(CentreZone.METROPOLITAN_FRANCE, "2026-03-30T09:00", TWO_HOURS);
        // Monday 26 October 2026, the day after clocks went back: 09:00 in Paris is 08:00 UTC
        Slot afterAutumn = at(CentreZone.METROPOLITAN_FRANCE, "2026-10-26T09:00", TWO_HOURS);

        assertThat(afterSpring.start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(afterAutumn.start()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
        assertThatCode(() -> paris.check(afterSpring, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> paris.check(afterAutumn, List.of())).doesNotThrowAnyException();
        // the same UTC instant as the spring slot, an hour before opening in winter time
        assertThatThrownBy(() -> paris.check(new Slot(Instant.parse("2026-10-26T07:00:00Z"), TWO_HOURS), List.of()))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("2026-10-26 de 08:00 à 10:00");
    }

    @Test
    void overseasCentresKeepTheirOwnClockWithoutDaylightSaving() {
        CentreRules reunion = rules(CentreZone.REUNION, 2, 0);
        CentreRules cayenne = rules(CentreZone.GUYANE, 2, 0);
        Instant nineInReunion = Instant.parse("2026-03-30T05:00:00Z");

        assertThatCode(() -> reunion.check(new Slot(nineInReunion, TWO_HOURS), List.of())).doesNotThrowAnyException();
        assertThatCode(() -> reunion.check(new Slot(Instant.parse("2026-10-26T05:00:00Z"), TWO_HOURS), List.of()))
                .doesNotThrowAnyException();
        // 05:00 UTC is 02:00 in Cayenne: closed
        assertThatThrownBy(() -> cayenne.check(new Slot(nineInReunion, TWO_HOURS), List.of())).isInstanceOf(RuleRefusal.class);
        for (CentreZone zone : CentreZone.values()) {
            assertThatCode(() -> rules(zone, 2, 0).check(at(zone, "2026-11-24T14:00", TWO_HOURS), List.of()))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesEveryBrokenRuleAtOnce() {
        CentreRules paris = rules(CentreZone.METROPOLITAN_FRANCE, 2, 2);
        List<Slot> thisWeek = List.of(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-23T09:00", TWO_HOURS),
                at(CentreZone.METROPOLITAN_FRANCE, "2026-11-25T14:00", TWO_HOURS));
        // Thursday, across the lunch break, five hours long
        Slot bad = at(CentreZone.METROPOLITAN_FRANCE, "2026-11-26T11:00", Duration.ofHours(5));

        assertThatThrownBy(() -> paris.check(bad, thisWeek)).isInstanceOf(RuleRefusal.class)
                .hasMessage("Ce créneau ne respecte pas les règles du centre : une séance dure de 60 à 240 minutes ; "
                        + "le centre n'est pas ouvert sur tout ce créneau (2026-11-26 de 11:00 à 16:00, heure locale du "
                        + "centre) ; ce bilan a déjà 2 séance(s) cette semaine, le centre en permet 2 ; une autre séance "
                        + "de ce bilan a lieu le 2026-11-25 : le centre demande au moins 2 jour(s) entre deux séances.");
        // the next Monday is another week, and two days after Wednesday's session
        assertThatCode(() -> paris.check(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-30T09:00", TWO_HOURS), thisWeek))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheBrokenRulesWithoutRefusing() {
        CentreRules paris = rules(CentreZone.METROPOLITAN_FRANCE, 2, 2);
        List<Slot> thisWeek = List.of(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-23T09:00", TWO_HOURS));

        assertThat(paris.broken(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-24T12:00", TWO_HOURS), thisWeek))
                .containsExactly("le centre n'est pas ouvert sur tout ce créneau (2026-11-24 de 12:00 à 14:00, heure "
                        + "locale du centre)", "une autre séance de ce bilan a lieu le 2026-11-23 : le centre demande "
                        + "au moins 2 jour(s) entre deux séances");
        assertThat(paris.broken(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-25T14:00", TWO_HOURS), thisWeek)).isEmpty();
    }

    @Test
    void sortsEachDaysOpeningHours() {
        CentreRules rules = new CentreRules(CentreZone.MAYOTTE, Map.of(DayOfWeek.MONDAY,
                List.of(hours("14:00", "18:00"), hours("09:00", "12:00"))), Duration.ofHours(1), Duration.ofHours(2), 2, 0);

        assertThat(rules.openingHoursOn(DayOfWeek.MONDAY)).containsExactly(hours("09:00", "12:00"),
                hours("14:00", "18:00"));
        assertThat(rules.openingHoursOn(DayOfWeek.SUNDAY)).isEmpty();
    }

    @Test
    void slotsThatOnlyTouchDoNotOverlap() {
        Slot morning = at(CentreZone.METROPOLITAN_FRANCE, "2026-11-23T09:00", TWO_HOURS);

        assertThat(morning.overlaps(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-23T11:00", TWO_HOURS))).isFalse();
        assertThat(morning.overlaps(at(CentreZone.METROPOLITAN_FRANCE, "2026-11-23T10:59", TWO_HOURS))).isTrue();
    }
}
