package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The centres' settings are one values key, {@code centres}, rendered the same into every service that
 * reads them (session-, synthesis-, notification-, beneficiary- and quality-service), as those services read them
 * ({@code {"bilan":{"centres":…}}}); the helm test compares the fingerprints they report.
 */
class CentresChartTest {

    static final List<String> READERS = List.of("session-service", "synthesis-service", "notification-service",
            "beneficiary-service", "quality-service");

    static List<String> valueFiles() {
        return Chart.ciValueFiles();
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    @SuppressWarnings("unchecked")
    void everyServiceThatReadsTheCentresGetsTheSameSettingsTheValuesGive(String valuesFile) {
        Map<String, String> json = centresJson(Chart.render(valuesFile));

        assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(READERS);
        assertThat(json.values()).containsOnly(json.get("session-service"));
        Map<String, Object> rendered = (Map<String, Object>) ((Map<String, Object>) Serialization
                .unmarshal(json.get("session-service"), Map.class).get("bilan")).get("centres");
        Map<String, Object> given = new HashMap<>((Map<String, Object>) Chart.deepMerge(
                Chart.readYaml(Chart.DIR.resolve("values.yaml")), Chart.readYaml(Chart.ciValues(valuesFile))).get("centres"));
        given.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        assertThat(normalised(rendered)).isEqualTo(normalised(given));
    }

    @Test
    void theProductionValuesGiveEveryReaderTheirCentres() {
        Map<String, String> json = centresJson(Chart.render("production-values.yaml"));
        assertThat(json.get("synthesis-service")).contains("\"declaration-number\"", "\"centre-saint-denis\"", "\"REUNION\"");
    }

    @Test
    void theHelmTestComparesTheFingerprintsOfEveryReader() {
        Pod test = Chart.ofKind(Chart.hooks("default-values.yaml", Map.of()), Pod.class).get(0);
        Container container = test.getSpec().getContainers().get(0);
        String infos = container.getEnv().stream().filter(e -> e.getName().equals("CENTRES_INFO")).map(EnvVar::getValue)
                .findFirst().orElseThrow();
        assertThat(infos.split(" ")).containsExactly(
                "http://bilan-session-service." + Chart.NAMESPACE + ".svc.cluster.local:" + Topology.port("session-service", "httpPort") + "/actuator/info",
                "http://bilan-synthesis-service." + Chart.NAMESPACE + ".svc.cluster.local:" + Topology.port("synthesis-service", "httpPort") + "/actuator/info",
                "http://bilan-notification-service." + Chart.NAMESPACE + ".svc.cluster.local:" + Topology.port("notification-service", "httpPort") + "/actuator/info",
                "http://bilan-beneficiary-service." + Chart.NAMESPACE + ".svc.cluster.local:" + Topology.port("beneficiary-service", "httpPort") + "/actuator/info",
                "http://bilan-quality-service." + Chart.NAMESPACE + ".svc.cluster.local:" + Topology.port("quality-service", "httpPort") + "/actuator/info");
        assertThat(String.join("\n", container.getCommand())).contains("for url in $CENTRES_INFO", "CENTRES' SETTINGS DIFFER");
    }

    @Test
    void aCentresHolidaysAndHourlyPriceReachTheReaders() {
        Map<String, String> json = centresJson(Chart.parse(Chart.template("default-values.yaml", Map.of(
                "centres.overrides.centre-metz.holidays", "ALSACE_MOSELLE",
                "centres.overrides.centre-metz.hourly-price-cents", "9500"))));

        assertThat(json.get("beneficiary-service")).contains("\"centre-metz\":{\"holidays\":\"ALSACE_MOSELLE\","
                + "\"hourly-price-cents\":9500}");
        assertThat(json.values()).containsOnly(json.get("beneficiary-service"));
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("centres.overrides.centre-metz.holidays",
                "ALSACE"))).hasMessageContaining("/centres/overrides/centre-metz/holidays");
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of(
                "centres.overrides.centre-metz.hourly-price-cents", "-1")))
                .hasMessageContaining("/centres/overrides/centre-metz/hourly-price-cents");
    }

    @Test
    void aServiceCannotBeGivenSettingsOfItsOwn() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("services.synthesis-service.env.SPRING_APPLICATION_JSON", "{}")))
                .hasMessageContaining("services.synthesis-service.env.SPRING_APPLICATION_JSON: the chart sets it from centres");
    }

    @Test
    void theSchemaRefusesAKeyTheServicesDoNotRead() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("centres.defaults.openingHours.MONDAY[0]", "09:00-12:00")))
                .hasMessageContaining("at '/centres/defaults'").hasMessageContaining("'openingHours' not allowed");
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("centres.overrides.centre-lyon.declaration-number", "1234")))
                .hasMessageContaining("/centres/overrides/centre-lyon/declaration-number");
    }

    /** A centre's holidays and hourly price (the CPF deadlines and amount) pass the schema to every reader; other values do not. */
    @Test
    void theSchemaTakesTheHolidaysAndTheHourlyPriceTheServicesRead() {
        Map<String, String> json = centresJson(Chart.parse(Chart.template("default-values.yaml",
                Map.of("centres.overrides.centre-metz.holidays", "ALSACE_MOSELLE", "centres.defaults.hourly-price-cents", 9000))));
        assertThat(json.get("session-service")).contains("\"holidays\":\"ALSACE_MOSELLE\"", "\"hourly-price-cents\":9000");

        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("centres.overrides.centre-metz.holidays", "ALSACE")))
                .hasMessageContaining("/centres/overrides/centre-metz/holidays");
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("centres.defaults.hourly-price-cents", -1)))
                .hasMessageContaining("/centres/defaults/hourly-price-cents");
    }

    private static Map<String, String> centresJson(List<HasMetadata> objects) {
        Map<String, String> json = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(objects, Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            container.getEnv().stream().filter(e -> e.getName().equals("SPRING_APPLICATION_JSON"))
                    .forEach(e -> json.put(container.getName(), e.getValue()));
        }
        return json;
    }

    /** Numbers as JSON and YAML both read them. */
    private static Object normalised(Object value) {
        return Serialization.unmarshal(Serialization.asJson(value), Object.class);
    }
}
