package fr.bilan.beneficiary.cpf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Enabling the connector's sync without a connector is a deployment mistake, said at start. */
class CpfConnectorConfigurationTest {

    @Test
    void enabledWithoutAConnectorStopsTheStart() {
        var noConnector = new DefaultListableBeanFactory().getBeanProvider(CpfPlatformConnector.class);
        assertThatThrownBy(() -> new CpfConnectorConfiguration().cpfConnectorSchedule(noConnector, null, null, null,
                Duration.ofMinutes(5), 200, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bilan.cpf.connector.enabled=true")
                .hasMessageContaining("no CPF platform connector");
    }
}
