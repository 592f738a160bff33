package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.LintResult;

/** values.schema.json refuses bad values, naming the offending key. */
class ValuesSchemaTest {

    static final String VALID = "default-values.yaml";

    @Test
    void theCiValuesAreAccepted() {
        assertThat(Chart.template(VALID, Map.of())).contains("kind: Deployment");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("defaults.replicaCount", "two")))
                .hasMessageContaining("replicaCount").hasMessageContaining("integer");
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("mongodbUri", "mongodb://x")))
                .hasMessageContaining("mongodbUri");
    }

    @Test
    void anUnknownKeyInsideAServiceIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services.gateway.replicas", "3")))
                .hasMessageContaining("replicas").hasMessageContaining("gateway");
    }

    @Test
    void anUnknownServiceIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services.billing-service.enabled", "true")))
                .hasMessageContaining("billing-service");
    }

    @Test
    void aMissingMongodbSecretIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("mongodb.existingSecret", "")))
                .hasMessageContaining("existingSecret").hasMessageContaining("mongodb");
    }

    @Test
    void aMissingMasterKeySecretIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("synthesis.masterKey.existingSecret", "")))
                .hasMessageContaining("masterKey");
    }

    @Test
    void aBadEnumIsRefused() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("services.beneficiary-service.calls[0]", "billing-service")))
                .hasMessageContaining("calls");
    }

    @Test
    void aPlainValueCannotStandInForAnExistingSecret() {
        // a secret value has nowhere to go: no key of the schema takes one
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("oidc.clientSecret.value", "s3cr3t")))
                .hasMessageContaining("value");
    }

    @Test
    void anEgressWithoutDestinationFailsWithAMessage() {
        assertThatThrownBy(() -> Chart.template("minimal-values.yaml", Map.of("networkPolicy.enabled", "true")))
                .hasMessageContaining("egress: set cidrs, namespaceSelector or podSelector");
    }

    @Test
    void theIngressNeedsAHost() {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of("gateway.ingress.enabled", "true")))
                .hasMessageContaining("gateway.ingress.host is required");
    }

    @Test
    void theBareChartDoesNotLintWithoutItsRequiredSettings() {
        LintResult result = Chart.lint(null);
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("existingSecret");
    }
}
