package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * BilanCpfDeadlinesOverdue: a centre with CPF dossiers past a deadline of the centre (beneficiary-service's
 * gauge {@code bilan_cpf_dossiers_overdue{centre}}) for longer than {@code metrics.prometheusRule.cpfOverdueFor}.
 */
class CpfAlertChartTest {

    @Test
    void aCentreWithOverdueCpfDossiersRaisesTheAlertAfterTheDurationGiven() {
        String rule = "- alert: BilanCpfDeadlinesOverdue\n"
                + "          # gauge bilan.cpf.dossiers.overdue per centre (beneficiary-service, read from its store: every\n"
                + "          # replica reports the same): open CPF dossiers whose deadline of the centre is past\n"
                + "          expr: max by (centre) (bilan_cpf_dossiers_overdue{namespace=\"bilan-prod\"}) > 0\n";

        assertThat(Chart.template("production-values.yaml", Map.of())).contains(rule + "          for: 1h\n",
                "Le centre {{ $labels.centre }} a {{ $value | humanize }} dossiers CPF en retard.");
        assertThat(Chart.template("production-values.yaml", Map.of("metrics.prometheusRule.cpfOverdueFor", "30m")))
                .contains(rule + "          for: 30m\n");
        assertThat(Chart.template("default-values.yaml", Map.of())).doesNotContain("BilanCpfDeadlinesOverdue");
    }

    @Test
    void theDurationMustBeOnePrometheusReads() {
        assertThatThrownBy(() -> Chart.template("production-values.yaml",
                Map.of("metrics.prometheusRule.cpfOverdueFor", "une heure")))
                .hasMessageContaining("cpfOverdueFor");
    }
}
