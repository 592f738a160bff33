package fr.bilan.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.bilan.support.centre.CentreSettings;

/** Every zone a centre may be in has its clock here. */
class PlanningConfigurationTest {

    @Test
    void everyCentreZoneIsKnown() {
        assertThat(PlanningConfiguration.ZONES).containsOnlyKeys(CentreSettings.ZONES);
    }
}
