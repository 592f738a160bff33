package fr.bilan.beneficiary.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code bilan.funding.cpf-co-payments} as Spring binds it from the settings, without a context. */
class CoPaymentSettingsTest {

    private static CoPaymentSchedule bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("bilan.funding", CoPaymentSettings.class).schedule();
    }

    @Test
    void withoutSettingsTheDecreesTableApplies() {
        assertThat(bound(Map.of())).isEqualTo(CoPaymentSchedule.BUILT_IN);
    }

    @Test
    void anOperatorAddsALaterAmountAsAnIsoDayAndCents() {
        CoPaymentSchedule schedule = bound(Map.of("bilan.funding.cpf-co-payments[0].from", "2027-01-01",
                "bilan.funding.cpf-co-payments[0].cents", "10500"));

        assertThat(schedule.amountOn(LocalDate.of(2026, 12, 31))).isEqualTo(10_320);
        assertThat(schedule.amountOn(LocalDate.of(2027, 1, 1))).isEqualTo(10_500);
    }

    @Test
    void anAmountWithoutItsDayOrRewritingADecreeStopsTheService() {
        assertThatThrownBy(() -> bound(Map.of("bilan.funding.cpf-co-payments[0].cents", "10500")))
                .hasMessageContaining("needs its day");
        assertThatThrownBy(() -> bound(Map.of("bilan.funding.cpf-co-payments[0].from", "2026-01-01",
                "bilan.funding.cpf-co-payments[0].cents", "9900"))).hasMessageContaining("10320");
    }
}
