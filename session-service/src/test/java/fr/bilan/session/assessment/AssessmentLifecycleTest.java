package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.bilan.session.assessment.AssessmentLifecycle.Progress;
import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.support.refusal.RuleRefusal;

class AssessmentLifecycleTest {

    private static final Progress EVERYTHING = new Progress(true, true, EnumSet.allOf(Phase.class), true,
            HourBudget.FLOOR);

    @Test
    void theMainPathRunsThePhasesInOrder() {
        AssessmentState[] path = {AssessmentState.INTAKE_INTERVIEW, AssessmentState.FUNDING_AGREED,
                AssessmentState.PRELIMINARY, AssessmentState.INVESTIGATION, AssessmentState.CONCLUSION,
                AssessmentState.ACTION_ENDED, AssessmentState.FOLLOW_UP, AssessmentState.CLOSED};
        for (int i = 1; i < path.length; i++) {
            AssessmentState from = path[i - 1];
            AssessmentState to = path[i];
            assertThatCode(() -> AssessmentLifecycle.checkMove(from, to, EVERYTHING, "")).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.PRELIMINARY,
                AssessmentState.CONCLUSION, EVERYTHING, "")).isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan au stade « phase préliminaire » ne peut pas passer au stade « phase de conclusion » ; "
                        + "depuis ce stade, il peut passer à : « phase d'investigation », « retiré par le bénéficiaire », "
                        + "« abandonné », « interrompu (force majeure) ».");
    }

    @Test
    void aPhaseStartsOnlyAfterASessionOfThePreviousOneWasAttended() {
        Progress onlyPreliminary = new Progress(true, true, Set.of(Phase.PRELIMINARY), false, Duration.ZERO);

        assertThatCode(() -> AssessmentLifecycle.checkMove(AssessmentState.PRELIMINARY, AssessmentState.INVESTIGATION,
                onlyPreliminary, "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.INVESTIGATION, AssessmentState.CONCLUSION,
                onlyPreliminary, "")).isInstanceOf(RuleRefusal.class)
                .hasMessage("La phase de conclusion ne peut commencer qu'après au moins une séance de la phase "
                        + "d'investigation à laquelle le bénéficiaire a assisté (Code du travail, R6313-4).");
    }

    @Test
    void theConclusionEndsWithTheSynthesisHandedOverOrAReason() {
        Progress notHandedOver = new Progress(true, true, EnumSet.allOf(Phase.class), false, HourBudget.FLOOR);

        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.CONCLUSION, AssessmentState.ACTION_ENDED,
                notHandedOver, " ")).isInstanceOf(RuleRefusal.class).hasMessageContaining("remise du document de synthèse");
        assertThatCode(() -> AssessmentLifecycle.checkMove(AssessmentState.CONCLUSION, AssessmentState.ACTION_ENDED,
                notHandedOver, "Le bénéficiaire ne souhaite pas recevoir de synthèse")).doesNotThrowAnyException();
    }

    @Test
    void fundingMustBeAgreedBeforeThePreliminaryPhase() {
        Progress unfunded = new Progress(false, true, Set.of(), false, Duration.ZERO);

        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.INTAKE_INTERVIEW,
                AssessmentState.FUNDING_AGREED, unfunded, "")).isInstanceOf(RuleRefusal.class)
                .hasMessageContaining("financement");
    }

    @Test
    void thePreliminaryPhaseStartsOnlyWithTheBeneficiarysConsentInForce() {
        Progress withoutConsent = new Progress(true, false, Set.of(), false, Duration.ZERO);
        Progress consented = new Progress(true, true, Set.of(), false, Duration.ZERO);

        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.FUNDING_AGREED,
                AssessmentState.PRELIMINARY, withoutConsent, "")).isInstanceOf(RuleRefusal.class)
                .hasMessage("Le bilan ne peut entrer en phase préliminaire qu'avec le consentement du bénéficiaire "
                        + "(Code du travail, L6313-1) : son consentement à la participation au bilan n'est pas "
                        + "enregistré, ou il l'a retiré.");
        assertThatCode(() -> AssessmentLifecycle.checkMove(AssessmentState.FUNDING_AGREED, AssessmentState.PRELIMINARY,
                consented, "")).doesNotThrowAnyException();
        // leaving, or moving on from the préliminaire, asks nothing more of it
        assertThatCode(() -> AssessmentLifecycle.checkMove(AssessmentState.FUNDING_AGREED, AssessmentState.WITHDRAWN,
                withoutConsent, "Ne souhaite pas poursuivre")).doesNotThrowAnyException();
    }

    @Test
    void sideExitsNeedAReasonAndCloseTheDoorBehindThem() {
        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.INVESTIGATION, AssessmentState.ABANDONED,
                EVERYTHING, "")).isInstanceOf(RuleRefusal.class).hasMessage("Indiquez pourquoi le bilan passe au stade « abandonné ».");
        assertThatCode(() -> AssessmentLifecycle.checkMove(AssessmentState.INTAKE_INTERVIEW, AssessmentState.WITHDRAWN,
                EVERYTHING, "Ne souhaite pas poursuivre")).doesNotThrowAnyException();

        assertThat(AssessmentLifecycle.next(AssessmentState.INTERRUPTED)).isEmpty();
        assertThat(AssessmentLifecycle.next(AssessmentState.ACTION_ENDED))
                .containsExactlyInAnyOrder(AssessmentState.FOLLOW_UP, AssessmentState.CLOSED);
        assertThatThrownBy(() -> AssessmentLifecycle.checkMove(AssessmentState.CLOSED, AssessmentState.FOLLOW_UP,
                EVERYTHING, "")).isInstanceOf(RuleRefusal.class).hasMessageEndingWith("ce stade est définitif.");
        assertThat(AssessmentState.WITHDRAWN.actionEnded()).isTrue();
        assertThat(AssessmentState.CONCLUSION.actionEnded()).isFalse();
    }
}
