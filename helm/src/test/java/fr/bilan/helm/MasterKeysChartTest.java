package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * synthesis-service's keyring of master keys as the chart hands it over: each key from its own
 * Secret, its id in plain text, the current id apart; and the shapes it refuses, before any pod
 * starts without the key its documents need.
 */
class MasterKeysChartTest {

    /** The production values are mid-rotation: k2 current, k1 still in the keyring. */
    @Test
    void rendersEveryKeyOfTheKeyringFromItsSecretAndTheCurrentId() {
        List<EnvVar> env = synthesisEnv(Chart.template("production-values.yaml", Map.of()));

        assertThat(value(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID")).isEqualTo("k2");
        assertThat(value(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_ID")).isEqualTo("k1");
        assertThat(value(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_ID")).isEqualTo("k2");
        assertThat(secretOf(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_KEY"))
                .isEqualTo("bilan-synthesis-master-key-k1/master-key");
        assertThat(secretOf(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_KEY"))
                .isEqualTo("bilan-synthesis-master-key-k2/master-key");
        assertThat(env).extracting(EnvVar::getName).filteredOn(n -> n.startsWith("BILAN_SYNTHESIS_ENCRYPTION_"))
                .containsExactlyInAnyOrder("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID",
                        "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_ID", "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_KEY",
                        "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_ID", "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_KEY");
    }

    @Test
    void aKeyringOfOneIsTheDefaultShape() {
        List<EnvVar> env = synthesisEnv(Chart.template("default-values.yaml", Map.of()));

        assertThat(value(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYID")).isEqualTo("k1");
        assertThat(value(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_ID")).isEqualTo("k1");
        assertThat(secretOf(env, "BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_0_KEY")).isEqualTo("bilan-synthesis-master-key/master-key");
        assertThat(env).extracting(EnvVar::getName).doesNotContain("BILAN_SYNTHESIS_ENCRYPTION_MASTERKEYS_1_ID");
    }

    @Test
    void theSingleKeyShapeOfEarlierVersionsIsRefusedNamingTheNewKeys() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("synthesis.masterKey.existingSecret", "bilan-synthesis-master-key")))
                .hasMessageContaining("synthesis.masterKey was replaced by synthesis.masterKeys")
                .hasMessageContaining("synthesis.masterKeys.current").hasMessageContaining("synthesis.masterKeys.keys");
    }

    @Test
    void aCurrentIdWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> Chart.template("production-values.yaml", Map.of("synthesis.masterKeys.current", "k3")))
                .hasMessageContaining("synthesis.masterKeys.current is k3, but synthesis.masterKeys.keys has no key "
                        + "with that id (it has k1, k2)");
    }

    @Test
    void twoKeysUnderOneIdAreRefused() {
        assertThatThrownBy(() -> Chart.template("production-values.yaml", Map.of("synthesis.masterKeys.keys[1].id", "k1",
                "synthesis.masterKeys.current", "k1")))
                .hasMessageContaining("synthesis.masterKeys.keys: id k1 appears twice");
    }

    @Test
    void anEmptyKeyringIsRefusedByTheSchema() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("synthesis.masterKeys.keys", "null")))
                .hasMessageContaining("/synthesis/masterKeys");
    }

    private static List<EnvVar> synthesisEnv(String manifests) {
        Deployment deployment = Chart.ofKind(Chart.parse(manifests), Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("bilan-synthesis-service")).findFirst().orElseThrow();
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    }

    private static String value(List<EnvVar> env, String name) {
        EnvVar variable = env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + name));
        assertThat(variable.getValueFrom()).as(name).isNull();
        return variable.getValue();
    }

    private static String secretOf(List<EnvVar> env, String name) {
        EnvVar variable = env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + name));
        assertThat(variable.getValue()).as("%s holds no literal key", name).isNull();
        return variable.getValueFrom().getSecretKeyRef().getName() + "/" + variable.getValueFrom().getSecretKeyRef().getKey();
    }
}
