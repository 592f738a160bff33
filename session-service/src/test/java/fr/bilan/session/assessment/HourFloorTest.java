package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The 13-hour floor (R6313-4 as amended by the décret of February 2026) as a bilan in its conclusion
 * phase, synthèse handed over, applies it when it ends: only the attended hours of the three phases
 * count; the intake interview, a missed session, a planned one and the beneficiary's personal work
 * never do; the side exits are allowed whatever the hours.
 */
class HourFloorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant OPENED = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-10T16:00:00Z");

    /**
     * The sessions (phase, status, minutes; « ; » between them; one a day from 1 October), the
     * minutes of personal work recorded in the investigation phase, the state asked for, and
     * whether the bilan gets there. 13 hours are 780 minutes.
     */
    @ParameterizedTest(name = "[{0}] + {1} min of personal work -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59  | 0    | ACTION_ENDED | false
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 60  | 0    | ACTION_ENDED | true
            PRELIMINARY ATTENDED 180; INVESTIGATION ATTENDED 180; CONCLUSION ATTENDED 180; CONCLUSION ATTENDED 240 | 0 | ACTION_ENDED | true
            INTAKE ATTENDED 180; PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 300; CONCLUSION ATTENDED 60 | 0 | ACTION_ENDED | false
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59; CONCLUSION ABSENT 180 | 0 | ACTION_ENDED | false
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59; CONCLUSION PLANNED 180 | 0 | ACTION_ENDED | false
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59  | 2400 | ACTION_ENDED | false
            PRELIMINARY ATTENDED 360; INVESTIGATION ATTENDED 360; CONCLUSION ATTENDED 59  | 0    | WITHDRAWN    | true
            PRELIMINARY ATTENDED 120; INVESTIGATION ATTENDED 120; CONCLUSION ATTENDED 60  | 0    | ABANDONED    | true
            PRELIMINARY ATTENDED 120; INVESTIGATION ATTENDED 120; CONCLUSION ATTENDED 60  | 600  | INTERRUPTED  | true
            """)
    void aBilanEndsAsCompletedOnlyWithThirteenHoursOfAccompaniment(String sessions, int personalWorkMinutes,
            AssessmentState to, boolean reaches) {
        Assessment bilan = conclusion(sessions, personalWorkMinutes);

        if (reaches) {
            assertThat(bilan.move(to, "Raison donnée", true, null, true, NOW, new FollowUpOffer(6), PARIS).state())
                    .isEqualTo(to);
        } else {
            assertThatThrownBy(() -> bilan.move(to, "Raison donnée", true, null, true, NOW, new FollowUpOffer(6), PARIS))
                    .isInstanceOf(RuleRefusal.class).hasMessageStartingWith(HourBudget.FLOOR_RULE);
        }
    }

    /** The refusal states the hours delivered and what the floor still lacks, in French. */
    @ParameterizedTest(name = "{0} min delivered")
    @CsvSource(delimiter = '|', textBlock = """
            779 | 12 h 59 | 0 h 01
            600 | 10 h    | 3 h
            """)
    void theRefusalSaysTheHoursDeliveredAndWhatIsMissing(int deliveredMinutes, String delivered, String missing) {
        Assessment bilan = conclusion("PRELIMINARY ATTENDED 60; INVESTIGATION ATTENDED 60; CONCLUSION ATTENDED "
                + (deliveredMinutes - 120), 0);

        assertThatThrownBy(() -> bilan.move(AssessmentState.ACTION_ENDED, "", true, null, true, NOW, new FollowUpOffer(6),
                PARIS)).isInstanceOf(RuleRefusal.class).hasMessage("Un bilan de compétences compte au moins 13 heures "
                        + "d'accompagnement effectif (Code du travail, R6313-4, modifié par le décret de février 2026) : "
                        + delivered + " d'accompagnement ont été effectuées (séances des phases préliminaire, "
                        + "d'investigation et de conclusion auxquelles le bénéficiaire a assisté), il en manque " + missing
                        + " pour terminer l'action. L'entretien préalable, les séances manquées et le travail personnel "
                        + "du bénéficiaire n'en font pas partie ; le retrait, l'abandon ou l'interruption restent possibles.");
    }

    /** A bilan in its conclusion phase, the synthèse handed over, with these sessions and this personal work. */
    private static Assessment conclusion(String sessions, int personalWorkMinutes) {
        List<ScheduledSession> held = new ArrayList<>();
        List<String[]> specs = Arrays.stream(sessions.split(";")).map(String::strip).map(spec -> spec.split(" ")).toList();
        for (int i = 0; i < specs.size(); i++) {
            String[] spec = specs.get(i);
            Instant start = Instant.parse("2026-10-01T08:00:00Z").plus(Duration.ofDays(i));
            held.add(new ScheduledSession("s-" + i, Phase.valueOf(spec[0]),
                    new Slot(start, Duration.ofMinutes(Integer.parseInt(spec[2]))), Place.room("salle-1"),
                    "consultant-1", SessionStatus.valueOf(spec[1]), List.of(), null, 0, start));
        }
        List<PersonalWork> personalWork = personalWorkMinutes == 0 ? List.of()
                : List.of(new PersonalWork("w-1", Phase.INVESTIGATION, PersonalWorkKind.DOCUMENTARY_RESEARCH,
                        LocalDate.of(2026, 10, 20), Duration.ofMinutes(personalWorkMinutes), "consultant-1", NOW));
        return new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "funding-1", DeliveryFormat.HYBRID,
                AssessmentState.CONCLUSION, null, List.of(new Assignment("consultant-1", OPENED, null, "consultant-1")),
                held, personalWork, NOW.minus(Duration.ofDays(1)), null, null, null, OPENED, null, 7);
    }
}
