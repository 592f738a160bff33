package fr.bilan.beneficiary.cpf;

import static fr.bilan.beneficiary.cpf.CpfState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.refusal.RuleRefusal;

/** Every (from, to) pair of states: the CPF platform's steps are taken, every other refused in French. */
class CpfTransitionsTest {

    /** The steps the CPF platform allows the provider's dossier, written out apart from the code's table. */
    private static final Set<List<CpfState>> ALLOWED = Set.of(
            List.of(NOT_PROCESSED, VALIDATED), List.of(NOT_PROCESSED, REFUSED_BY_CENTRE),
            List.of(NOT_PROCESSED, REFUSED_BY_FINANCER),
            List.of(VALIDATED, ACCEPTED), List.of(VALIDATED, REFUSED_BY_HOLDER), List.of(VALIDATED, REFUSED_BY_FINANCER),
            List.of(VALIDATED, CANCELLED_BY_HOLDER), List.of(VALIDATED, CANCELLED_BY_CENTRE),
            List.of(VALIDATED, CANCELLED_BY_FINANCER),
            List.of(ACCEPTED, IN_TRAINING), List.of(ACCEPTED, CANCELLED_BY_HOLDER), List.of(ACCEPTED, CANCELLED_BY_CENTRE),
            List.of(ACCEPTED, CANCELLED_BY_FINANCER), List.of(ACCEPTED, HOLDER_ABSENT),
            List.of(IN_TRAINING, TERMINATED), List.of(TERMINATED, SERVICE_DONE_DECLARED),
            List.of(SERVICE_DONE_DECLARED, SERVICE_DONE_VALIDATED));

    static Stream<Arguments> allowed() {
        return ALLOWED.stream().map(pair -> Arguments.of(pair.get(0), pair.get(1)));
    }

    static Stream<Arguments> refused() {
        List<Arguments> pairs = new ArrayList<>();
        for (CpfState from : CpfState.values()) {
            for (CpfState to : CpfState.values()) {
                if (!ALLOWED.contains(List.of(from, to))) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} is taken")
    @MethodSource("allowed")
    void theCpfPlatformsStepsAreTaken(CpfState from, CpfState to) {
        assertThat(CpfTransitions.allows(from, to)).isTrue();
        assertThatCode(() -> CpfTransitions.check(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @MethodSource("refused")
    void everyOtherStepIsRefusedNamingBothStatesInFrench(CpfState from, CpfState to) {
        assertThat(CpfTransitions.allows(from, to)).isFalse();
        RuleRefusal refusal = catchThrowableOfType(RuleRefusal.class, () -> CpfTransitions.check(from, to));
        assertThat(refusal).isNotNull();
        assertThat(refusal.frenchReason()).contains("« " + from.label() + " »", "« " + to.label() + " »");
    }

    @ParameterizedTest(name = "{0} is final: {1}")
    @MethodSource("finality")
    void onlyTheStatesWithoutAnyStepOnAreFinal(CpfState state, boolean isFinal) {
        assertThat(state.isFinal()).isEqualTo(isFinal);
        assertThat(ALLOWED.stream().anyMatch(pair -> pair.get(0) == state)).isEqualTo(!isFinal);
    }

    static Stream<Arguments> finality() {
        return Stream.of(CpfState.values()).map(state -> Arguments.of(state, Set.of(SERVICE_DONE_VALIDATED,
                REFUSED_BY_HOLDER, REFUSED_BY_CENTRE, REFUSED_BY_FINANCER, CANCELLED_BY_HOLDER, CANCELLED_BY_CENTRE,
                CANCELLED_BY_FINANCER, HOLDER_ABSENT).contains(state)));
    }
}
