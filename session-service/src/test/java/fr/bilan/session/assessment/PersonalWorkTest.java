package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The beneficiary's personal work: recorded in a phase the action has reached, on a day between the
 * opening of the bilan and today, whole minutes from 15 to 40 hours; shown beside the hours and
 * counted in neither the cap nor the floor (D6323-6 as amended in 2026).
 */
class PersonalWorkTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Opened Tuesday 1 September 2026 in Paris. */
    private static final Instant OPENED = Instant.parse("2026-09-01T08:00:00Z");
    /** Friday 11 December 2026, 00:30 in Paris: the 11th there, still the 10th in UTC. */
    private static final Instant NOW = Instant.parse("2026-12-10T23:30:00Z");

    private static Assessment bilan(AssessmentState state) {
        ScheduledSession attended = new ScheduledSession("s-1", Phase.PRELIMINARY,
                new Slot(Instant.parse("2026-10-01T08:00:00Z"), Duration.ofHours(3)), Place.room("salle-1"),
                "consultant-1", SessionStatus.ATTENDED, List.of(), null, 0, OPENED);
        return new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "funding-1", DeliveryFormat.HYBRID,
                state, null, List.of(new Assignment("consultant-1", OPENED, null, "consultant-1")), List.of(attended),
                List.of(), null, null, null, null, OPENED, null, 4);
    }

    private static PersonalWork work(String id, Phase phase, String day, int minutes) {
        return new PersonalWork(id, phase, PersonalWorkKind.PROFESSIONAL_SURVEY, LocalDate.parse(day),
                Duration.ofMinutes(minutes), "consultant-1", NOW);
    }

    /**
     * Where the bilan stands, the phase and day of the work, and the refusal (a part of its
     * message), or none when it is recorded.
     */
    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
            PRELIMINARY      | PRELIMINARY   | 2026-12-11 | ok
            PRELIMINARY      | INVESTIGATION | 2026-12-10 | ; la phase d'investigation n'a pas commencé.
            INVESTIGATION    | PRELIMINARY   | 2026-09-01 | ok
            CONCLUSION       | INVESTIGATION | 2026-11-30 | ok
            CONCLUSION       | CONCLUSION    | 2026-12-12 | entre l'ouverture du bilan (le mardi 01/09/2026) et aujourd'hui (le vendredi 11/12/2026)
            CONCLUSION       | CONCLUSION    | 2026-08-31 | entre l'ouverture du bilan
            INTAKE_INTERVIEW | PRELIMINARY   | 2026-12-10 | Ce bilan est au stade « entretien préalable »
            FUNDING_AGREED   | PRELIMINARY   | 2026-12-10 | Ce bilan est au stade « financement accordé »
            ACTION_ENDED     | CONCLUSION    | 2026-12-10 | Ce bilan est au stade « fin de l'action »
            WITHDRAWN        | PRELIMINARY   | 2026-12-10 | Ce bilan est au stade « retiré par le bénéficiaire »
            """)
    void isRecordedInAPhaseReachedOnADayOfTheBilan(AssessmentState state, Phase phase, String day, String refusal) {
        Assessment bilan = bilan(state);
        PersonalWork work = work("w-1", phase, day, 90);

        if (refusal == null) {
            assertThat(bilan.recordPersonalWork(work, PARIS).personalWork()).containsExactly(work);
        } else {
            assertThatThrownBy(() -> bilan.recordPersonalWork(work, PARIS)).isInstanceOf(RuleRefusal.class)
                    .hasMessageContaining(refusal);
        }
    }

    @Test
    void isShownBesideTheHoursAndCountedInNeitherTheCapNorTheFloor() {
        Assessment before = bilan(AssessmentState.INVESTIGATION);
        Assessment after = before.recordPersonalWork(work("w-1", Phase.INVESTIGATION, "2026-12-01", 40 * 60), PARIS)
                .recordPersonalWork(work("w-2", Phase.PRELIMINARY, "2026-10-02", 15), PARIS);
        HourBudget hours = after.hours();

        assertThat(hours.personalWork()).isEqualTo(Duration.ofMinutes(40 * 60 + 15));
        assertThat(hours.of(Phase.INVESTIGATION).personalWork()).isEqualTo(Duration.ofHours(40));
        assertThat(hours.of(Phase.INVESTIGATION).used()).isZero();
        assertThat(hours.used()).isEqualTo(before.hours().used()).isEqualTo(Duration.ofHours(3));
        assertThat(hours.remaining()).isEqualTo(Duration.ofHours(21));
        assertThat(hours.delivered()).isEqualTo(Duration.ofHours(3));
        assertThat(hours.missingToFloor()).isEqualTo(Duration.ofHours(10));
        // the cap still takes 21 hours of sessions: 40 hours of personal work took none of them
        assertThatCode(() -> hours.checkFits(Phase.INVESTIGATION, Duration.ofHours(21))).doesNotThrowAnyException();
    }

    @Test
    void recordingTheSameEntryAgainChangesNothing() {
        Assessment recorded = bilan(AssessmentState.PRELIMINARY)
                .recordPersonalWork(work("w-1", Phase.PRELIMINARY, "2026-12-10", 60), PARIS);

        assertThat(recorded.recordPersonalWork(work("w-1", Phase.PRELIMINARY, "2026-12-09", 120), PARIS))
                .isSameAs(recorded);
    }

    @Test
    void aBilanKeepsAtMostTwoHundredEntries() {
        Assessment full = bilan(AssessmentState.PRELIMINARY);
        for (int i = 0; i < Assessment.MAX_PERSONAL_WORK; i++) {
            full = full.recordPersonalWork(work("w-" + i, Phase.PRELIMINARY, "2026-12-10", 15), PARIS);
        }
        Assessment atMost = full;

        assertThatThrownBy(() -> atMost.recordPersonalWork(work("w-more", Phase.PRELIMINARY, "2026-12-10", 15), PARIS))
                .isInstanceOf(RuleRefusal.class).hasMessageStartingWith("Ce bilan compte déjà 200 temps de travail");
    }

    /** A phase of the action, whole minutes from 15 minutes to 40 hours: the edge checks them, these are invariants. */
    @ParameterizedTest(name = "{0}, {1} s")
    @CsvSource(delimiter = '|', textBlock = """
            PRELIMINARY   | 900    | true
            CONCLUSION    | 144000 | true
            INVESTIGATION | 899    | false
            INVESTIGATION | 144060 | false
            INVESTIGATION | 930    | false
            INTAKE        | 3600   | false
            FOLLOW_UP     | 3600   | false
            """)
    void anEntryIsOfAPhaseOfTheActionAndLastsWholeMinutesFromFifteenToFortyHours(Phase phase, int seconds,
            boolean valid) {
        Runnable entry = () -> new PersonalWork("w-1", phase, PersonalWorkKind.OTHER_PERSONAL_WORK,
                LocalDate.of(2026, 12, 1), Duration.ofSeconds(seconds), "consultant-1", NOW);

        if (valid) {
            assertThatCode(entry::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(entry::run).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
