package fr.bilan.session.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A centre's settings as {@code bilan.centres.*} gives them: overrides over defaults, identity included. */
class CentreSettingsTest {

    private static final CentreProperties.Settings DEFAULTS = new CentreProperties.Settings(
            CentreZone.METROPOLITAN_FRANCE, Map.of(DayOfWeek.MONDAY, List.of("13:30-18:30", "09:00-12:30")),
            Duration.ofMinutes(30), Duration.ofHours(3), 2, 1, Set.of(), "", "Réseau Bilans & Parcours",
            "1, place Bellecour\n69002 Lyon", "846 912 345 69", "");

    /** An override giving only an identity, a zone and rooms; {@code null} elsewhere keeps the default. */
    private static CentreProperties.Settings override(CentreZone zone, Set<String> rooms, String name, String address,
            String declarationNumber, String logo) {
        return new CentreProperties.Settings(zone, null, null, null, null, null, rooms, null, name, address,
                declarationNumber, logo);
    }

    @Test
    void anOverrideReplacesOnlyTheSettingsItGives() {
        CentreProperties centres = new CentreProperties(DEFAULTS, Map.of("centre-grenoble",
                override(CentreZone.REUNION, Set.of("salle B", "salle A"), "Bilans & Parcours Grenoble", null, null,
                        "file:/etc/bilan/grenoble.png")));

        CentreSettings grenoble = centres.settings("centre-grenoble");
        assertThat(grenoble.centreId()).isEqualTo("centre-grenoble");
        assertThat(grenoble.rules().zone()).isEqualTo(CentreZone.REUNION);
        assertThat(grenoble.rules().openingHours().get(DayOfWeek.MONDAY)).extracting(OpeningHours::opens)
                .extracting(Object::toString).containsExactly("09:00", "13:30");
        assertThat(grenoble.rooms()).containsExactly("salle A", "salle B");
        assertThat(grenoble.identity()).isEqualTo(new CentreIdentity("Bilans & Parcours Grenoble",
                List.of("1, place Bellecour", "69002 Lyon"), "84691234569", true));

        CentreSettings other = centres.settings("centre-brest");
        assertThat(other.rules().zone()).isEqualTo(CentreZone.METROPOLITAN_FRANCE);
        assertThat(other.rooms()).isEmpty();
        assertThat(other.identity()).isEqualTo(new CentreIdentity("Réseau Bilans & Parcours",
                List.of("1, place Bellecour", "69002 Lyon"), "84691234569", false));
    }

    @Test
    void noIdentityConfiguredIsAnEmptyOneAndAnOverrideMayBlankADefault() {
        var none = new CentreProperties.Settings(CentreZone.METROPOLITAN_FRANCE, Map.of(), Duration.ofMinutes(30),
                Duration.ofHours(3), 2, 1, null, null, null, null, null, null);
        assertThat(new CentreProperties(none, null).settings("centre-lyon").identity()).isEqualTo(CentreIdentity.NONE);

        CentreProperties centres = new CentreProperties(DEFAULTS, Map.of("centre-nantes",
                override(null, null, " ", "", "", null)));
        assertThat(centres.settings("centre-nantes").identity()).isEqualTo(CentreIdentity.NONE);
    }

    /** The address as synthesis-service prints it: one line each, stripped, blank lines dropped. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1, place Bellecour\\n69002 Lyon           | 1, place Bellecour;69002 Lyon",
            "  1, place Bellecour \\r\\n\\r\\n 69002 Lyon | 1, place Bellecour;69002 Lyon",
            "BP 12\\r75008 Paris Cedex 08              | BP 12;75008 Paris Cedex 08",
            "69002 Lyon                               | 69002 Lyon"})
    void splitsTheAddressIntoLines(String configured, String lines) {
        assertThat(CentreIdentity.configured("Centre", configured.replace("\\n", "\n").replace("\\r", "\r"), "", "")
                .addressLines()).containsExactly(lines.split(";"));
    }

    /** The numéro de déclaration d'activité, refused as synthesis-service refuses it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "84691234569         | 84691234569",
            "846 912 345 69      | 84691234569",
            "'  00 00 00000 00 ' | 00000000000",
            "''                  | ''"})
    void keepsTheDigitsOfAWellFormedDeclarationNumber(String configured, String digits) {
        assertThat(CentreIdentity.configured("", "", configured, "").declarationNumber()).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource({"8469123456", "846912345690", "8469123456A", "846-912-345-69"})
    void aMalformedDeclarationNumberInAnyCentreStopsTheStart(String configured) {
        assertThatThrownBy(() -> new CentreProperties(DEFAULTS, Map.of("centre-lyon",
                override(null, null, null, null, configured, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 digits");
    }
}
