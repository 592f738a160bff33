package fr.bilan.support.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.yaml.snakeyaml.Yaml;

import fr.bilan.support.workingday.HolidayCalendar;

/** {@code bilan.centres.*}: one schema, bound once per service, refused whole when incomplete, fingerprinted. */
class CentresTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Centres.class)
    static class ReadsCentres {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReadsCentres.class)
            .withConfiguration(AutoConfigurations.of(CentresAutoConfiguration.class));

    /** Every zone a centre may be in has its clock (read by notification-service's planning and letters). */
    @Test
    void everyZoneHasItsClock() {
        assertThat(CentreSettings.CLOCKS).containsOnlyKeys(CentreSettings.ZONES);
        assertThat(CentreSettings.BUILT_IN.zoneId()).hasToString("Europe/Paris");
    }

    @Test
    void nothingConfiguredIsTheBuiltInCentreAndADayGivenReplacesThatDayOnly() {
        runner.withPropertyValues("bilan.centres.defaults.opening-hours.SATURDAY=09:00-12:00",
                "bilan.centres.defaults.opening-hours.FRIDAY=09:00-12:00").run(context -> {
                    Centres centres = context.getBean(Centres.class);
                    CentreSettings lyon = centres.of("centre-lyon");
                    assertThat(lyon.zone()).isEqualTo("METROPOLITAN_FRANCE");
                    assertThat(lyon.openingHours()).containsEntry(DayOfWeek.MONDAY, List.of("09:00-12:30", "13:30-18:30"))
                            .containsEntry(DayOfWeek.FRIDAY, List.of("09:00-12:00"))
                            .containsEntry(DayOfWeek.SATURDAY, List.of("09:00-12:00")).doesNotContainKey(DayOfWeek.SUNDAY);
                    assertThat(lyon.minSessionLength()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(lyon.name()).isEmpty();
                });
    }

    @Test
    void anOverrideReplacesOnlyWhatItGives() {
        runner.withPropertyValues("bilan.centres.defaults.name=Réseau Bilans & Parcours",
                "bilan.centres.defaults.address=1, place Bellecour\n69002 Lyon",
                "bilan.centres.defaults.declaration-number=846 912 345 69",
                "bilan.centres.overrides.centre-reunion.zone=REUNION",
                "bilan.centres.overrides.centre-reunion.opening-hours.MONDAY=08:00-12:00").run(context -> {
                    Centres centres = context.getBean(Centres.class);
                    CentreSettings reunion = centres.of("centre-reunion");
                    assertThat(reunion.zone()).isEqualTo("REUNION");
                    assertThat(reunion.openingHours()).isEqualTo(Map.of(DayOfWeek.MONDAY, List.of("08:00-12:00")));
                    assertThat(reunion.name()).isEqualTo("Réseau Bilans & Parcours");
                    assertThat(centres.of("centre-brest")).isEqualTo(centres.defaults());
                });
    }

    /** A centre keeps its zone's public holidays unless it names other ones, and its hourly price when set. */
    @Test
    void aCentreKeepsItsZonesHolidaysUnlessItNamesOthers() {
        runner.withPropertyValues("bilan.centres.overrides.centre-reunion.zone=REUNION",
                "bilan.centres.overrides.centre-metz.holidays=ALSACE_MOSELLE",
                "bilan.centres.overrides.centre-metz.hourly-price-cents=9000").run(context -> {
                    Centres centres = context.getBean(Centres.class);
                    LocalDate abolitionInReunion = LocalDate.of(2027, 12, 20);
                    LocalDate goodFriday = LocalDate.of(2026, 4, 3);

                    assertThat(centres.of("centre-reunion").holidayCalendar()).isEqualTo(HolidayCalendar.REUNION);
                    assertThat(centres.of("centre-reunion").workingDays().isWorkingDay(abolitionInReunion)).isFalse();
                    assertThat(centres.of("centre-metz").holidayCalendar()).isEqualTo(HolidayCalendar.ALSACE_MOSELLE);
                    assertThat(centres.of("centre-metz").workingDays().isWorkingDay(goodFriday)).isFalse();
                    assertThat(centres.of("centre-metz").hourlyPriceCents()).isEqualTo(9000L);
                    assertThat(centres.of("centre-lyon").holidayCalendar()).isEqualTo(HolidayCalendar.METROPOLE);
                    assertThat(centres.of("centre-lyon").workingDays().isWorkingDay(goodFriday)).isTrue();
                    assertThat(centres.of("centre-lyon").hourlyPriceCents()).isZero();
                });
    }

    /** The holidays kept and the hourly price are compared across services; the zone's calendar named or not is the same. */
    @Test
    void theHolidaysAndTheHourlyPriceAreInTheFingerprint() {
        String metropole = new Centres(null, Map.of("centre-metz", holidays("METROPOLE", null))).fingerprint();

        assertThat(new Centres(null, Map.of("centre-metz", holidays("", null))).fingerprint()).isEqualTo(metropole);
        assertThat(new Centres(null, Map.of("centre-metz", holidays("ALSACE_MOSELLE", null))).fingerprint())
                .isNotEqualTo(metropole);
        assertThat(new Centres(null, Map.of("centre-metz", holidays("METROPOLE", 9000L))).fingerprint())
                .isNotEqualTo(metropole);
    }

    /** What stops the start, each naming its key. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bilan.centres.overrides.centre-lyon.name=Centre de Lyon | bilan.centres.overrides.centre-lyon: the identity is incomplete: name set but address, declaration-number missing",
        "bilan.centres.defaults.declaration-number=84691234569   | bilan.centres.defaults: the identity is incomplete: declaration-number set but name, address missing",
        "bilan.centres.defaults.zone=PARIS                       | bilan.centres.defaults.zone is PARIS, not one of METROPOLITAN_FRANCE",
        "bilan.centres.overrides.centre-lyon.opening-hours.MONDAY=9h-12h | bilan.centres.overrides.centre-lyon.opening-hours.MONDAY has 9h-12h",
        "bilan.centres.defaults.min-session-length=4h            | bilan.centres.defaults.min-session-length (PT4H) must be positive and at most max-session-length (PT3H)",
        "bilan.centres.overrides.centre-lyon.declaration-number=8469123456 | bilan.centres.overrides.centre-lyon.declaration-number: a declaration-number",
        "bilan.centres.defaults.opening-hour.MONDAY=09:00-12:00  | bilan.centres.defaults.opening-hour.monday",
        "bilan.centres.overrides.centre-metz.holidays=ALSACE     | bilan.centres.overrides.centre-metz.holidays is ALSACE, not one of METROPOLE, ALSACE_MOSELLE",
        "bilan.centres.defaults.hourly-price-cents=-1            | bilan.centres.defaults.hourly-price-cents (-1) must be 0 (not checked) or more"})
    void incompleteOrMalformedSettingsStopTheStartNamingTheKey(String setting, String message) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().containsIgnoringCase(message);
        });
    }

    @Test
    void theSameSettingsGiveTheSameFingerprintHoweverTheyAreSpelledAndOtherSettingsAnother() {
        Centres spaced = centres(" 846 912 345 69", "1, place Bellecour\r\n69002 Lyon");
        Centres compact = centres("84691234569", "1, place Bellecour\n69002 Lyon");
        Centres other = centres("84691234569", "3, rue Félix-Poulat\n38000 Grenoble");

        assertThat(spaced.fingerprint()).isEqualTo(compact.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(other.fingerprint()).isNotEqualTo(compact.fingerprint());
        assertThat(new Centres(null, Map.of("centre-reunion", onlyZone("REUNION"))).fingerprint())
                .isNotEqualTo(new Centres(null, null).fingerprint());
    }

    @Test
    void theFingerprintIsInTheActuatorsInfo() {
        runner.run(context -> {
            Info.Builder info = new Info.Builder();
            context.getBean(InfoContributor.class).contribute(info);
            assertThat(info.build().getDetails()).containsEntry("centres",
                    Map.of("fingerprint", context.getBean(Centres.class).fingerprint(), "overridden", List.of()));
        });
    }

    /** The chart's `centres` (its production example) is what the services bind: one schema, the chart's keys included. */
    @Test
    @SuppressWarnings("unchecked")
    void theChartsCentresBindAsEveryServiceReadsThem() throws IOException {
        Map<String, Object> values;
        try (InputStream in = Files.newInputStream(Path.of("..", "helm", "bilan", "ci", "production-values.yaml"))) {
            values = new Yaml().load(in);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        flatten("bilan.centres", values.get("centres"), properties);
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("chart", properties))).run(context -> {
                    assertThat(context).hasNotFailed();
                    Centres centres = context.getBean(Centres.class);
                    CentreSettings saintDenis = centres.of("centre-saint-denis");
                    assertThat(saintDenis.zone()).isEqualTo("REUNION");
                    assertThat(saintDenis.rooms()).containsExactlyInAnyOrder("Salle Piton", "Salle Cilaos");
                    assertThat(saintDenis.maxSessionsPerWeek()).isEqualTo(3);
                    assertThat(saintDenis.address()).isEqualTo("5 rue de Paris\n97400 Saint-Denis");
                    assertThat(saintDenis.name()).isEqualTo("Réseau Bilan de compétences");
                    assertThat(centres.of("centre-lyon").openingHours()).containsKeys(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
                });
    }

    /** The chart's SPRING_APPLICATION_JSON, nothing set and something set, as Spring reads it at start. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"bilan\":{\"centres\":{}}}                                             | METROPOLITAN_FRANCE",
        "{\"bilan\":{\"centres\":{\"overrides\":{\"centre-lyon\":{\"zone\":\"REUNION\"}}}}} | REUNION"})
    void theChartsJsonStartsAService(String json, String lyonZone) {
        try (var context = new SpringApplicationBuilder(ReadsCentres.class).web(WebApplicationType.NONE)
                .properties("spring.application.json=" + json).run()) {
            assertThat(context.getBean(Centres.class).of("centre-lyon").zone()).isEqualTo(lyonZone);
        }
    }

    /** As Spring flattens the chart's SPRING_APPLICATION_JSON. */
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> properties) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix + "." + key, child, properties));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), properties);
            }
        } else {
            properties.put(prefix, value);
        }
    }

    private static Centres centres(String declarationNumber, String address) {
        return new Centres(new CentreSettings(null, null, null, null, null, null, null, null, "Réseau", address,
                declarationNumber, null, null, null), null);
    }

    private static CentreSettings holidays(String holidays, Long hourlyPriceCents) {
        return new CentreSettings(null, null, null, null, null, null, null, null, null, null, null, null, holidays,
                hourlyPriceCents);
    }

    private static CentreSettings onlyZone(String zone) {
        return new CentreSettings(zone, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
