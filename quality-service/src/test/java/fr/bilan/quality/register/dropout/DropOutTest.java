package fr.bilan.quality.register.dropout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.bilan.Pseudonym;

/** A drop-out as the register shows it, from a bilan's facts. */
class DropOutTest {

    private static final LocalDate END = LocalDate.of(2026, 2, 20);

    private static BilanRecord bilan(Outcome outcome, List<PhaseHours> phases) {
        return new BilanRecord("bilan-7", "beneficiary-7", "centre-lyon", "consultant-1", outcome, END.minusMonths(2),
                outcome.ended() ? END : null, null, phases, null, "CPF", null, null, null, 3);
    }

    private static PhaseHours hours(Phase phase, int planned, int delivered) {
        return new PhaseHours(phase, planned, delivered, 0, 0, 0);
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(Outcome.WITHDRAWN, Optional.of(DropOutReason.WITHDRAWAL)),
                Arguments.of(Outcome.ABANDONED, Optional.of(DropOutReason.ABANDONMENT)),
                Arguments.of(Outcome.INTERRUPTED, Optional.of(DropOutReason.FORCE_MAJEURE)),
                Arguments.of(Outcome.COMPLETED, Optional.empty()),
                Arguments.of(Outcome.IN_PROGRESS, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("outcomes")
    void theReasonIsTheSideExit(Outcome outcome, Optional<DropOutReason> reason) {
        assertThat(DropOut.of(bilan(outcome, List.of())).map(DropOut::reason)).isEqualTo(reason);
    }

    /** The phases' minutes (planned, delivered); the phase it stopped in. */
    static Stream<Arguments> lastPhases() {
        return Stream.of(
                Arguments.of(List.of(), Optional.empty()),
                Arguments.of(List.of(hours(Phase.PRELIMINARY, 120, 0)), Optional.of(Phase.PRELIMINARY)),
                Arguments.of(List.of(hours(Phase.PRELIMINARY, 120, 120), hours(Phase.INVESTIGATION, 0, 0)),
                        Optional.of(Phase.PRELIMINARY)),
                Arguments.of(List.of(hours(Phase.PRELIMINARY, 120, 120), hours(Phase.INVESTIGATION, 60, 0)),
                        Optional.of(Phase.INVESTIGATION)),
                Arguments.of(List.of(hours(Phase.CONCLUSION, 0, 90), hours(Phase.PRELIMINARY, 120, 120)),
                        Optional.of(Phase.CONCLUSION)),
                Arguments.of(List.of(hours(Phase.INVESTIGATION, 60, 60), hours(Phase.FOLLOW_UP, 60, 60)),
                        Optional.of(Phase.INVESTIGATION)));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("lastPhases")
    void itStoppedInTheLastPhaseWithMinutesPlannedOrDelivered(List<PhaseHours> phases, Optional<Phase> last) {
        assertThat(DropOut.of(bilan(Outcome.ABANDONED, phases)).orElseThrow().lastPhase()).isEqualTo(last);
    }

    @Test
    void itShowsThePseudonymAndTheActionsMinutesNeverTheId() {
        DropOut dropOut = DropOut.of(bilan(Outcome.WITHDRAWN, List.of(hours(Phase.PRELIMINARY, 120, 90),
                hours(Phase.INVESTIGATION, 240, 60), hours(Phase.FOLLOW_UP, 60, 60)))).orElseThrow();

        assertThat(dropOut.pseudonym()).isEqualTo(Pseudonym.of("centre-lyon", "bilan-7")).doesNotContain("bilan-7");
        assertThat(dropOut.endDate()).isEqualTo(END);
        assertThat(dropOut.plannedMinutes()).isEqualTo(360);
        assertThat(dropOut.deliveredMinutes()).isEqualTo(150);
    }

    @Test
    void theReportCountsEveryReasonZeroIncluded() {
        DropOut withdrawn = DropOut.of(bilan(Outcome.WITHDRAWN, List.of())).orElseThrow();
        DropOut abandoned = DropOut.of(bilan(Outcome.ABANDONED, List.of())).orElseThrow();

        DropOutReport report = DropOutReport.of(List.of(withdrawn, abandoned, withdrawn));

        assertThat(report.counts()).isEqualTo(Map.of(DropOutReason.WITHDRAWAL, 2, DropOutReason.ABANDONMENT, 1,
                DropOutReason.FORCE_MAJEURE, 0));
        assertThat(report.dropOuts()).hasSize(3);
    }
}
