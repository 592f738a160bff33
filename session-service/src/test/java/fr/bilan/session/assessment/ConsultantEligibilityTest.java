package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.RuleRefusal;

class ConsultantEligibilityTest {

    @Test
    void aConsultantCannotRunABilanPaidForByTheirOwnEmployer() {
        // another establishment (same SIREN 732829320) of the same company
        assertThatThrownBy(() -> ConsultantEligibility.checkAssignable("73282932000074", Optional.of("732 829 320 00090")))
                .isInstanceOf(RuleRefusal.class).hasMessageContaining("R6313-5");
        assertThatCode(() -> ConsultantEligibility.checkAssignable("73282932000074", Optional.of("55210055400013")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ConsultantEligibility.checkAssignable("73282932000074", Optional.empty()))
                .doesNotThrowAnyException();
    }

    @Test
    void theFollowUpComesSixToTwelveMonthsAfterTheEnd() {
        assertThat(new FollowUpOffer(6).dueDate(LocalDate.of(2026, 8, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThatThrownBy(() -> new FollowUpOffer(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpOffer(13)).isInstanceOf(IllegalArgumentException.class);
    }
}
