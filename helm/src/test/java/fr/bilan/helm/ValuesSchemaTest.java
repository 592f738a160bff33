package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.marcnuri.helm.LintResult;

/** values.schema.json refuses bad values, naming the offending key. */
class ValuesSchemaTest {

    static final String VALID = "default-values.yaml";

    @Test
    void theCiValuesAreAccepted() {
        assertThat(Chart.template(VALID, Map.of())).contains("kind: Deployment");
    }

    /** A value set on top of the valid ci values, and what the error must name. */
    @ParameterizedTest(name = "{0}={1} is refused naming {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        // wrong type
        "defaults.replicaCount; two; /defaults/replicaCount; want integer",
        // unknown key at the top level (a plain value cannot stand in for an existing Secret either)
        "mongodbUri; mongodb://x; '; 'mongodbUri' not allowed",
        "oidc.clientSecret.value; s3cr3t; /oidc/clientSecret; 'value' not allowed",
        // unknown key inside services.<x>, and an unknown service
        "services.gateway.replicas; 3; /services/gateway; 'replicas' not allowed",
        "services.billing-service.enabled; true; /services; billing-service",
        // missing required settings
        "mongodb.services.session-service.existingSecret; \"\"; /mongodb/services/session-service/existingSecret; minLength",
        "mongodb.services.session-service.database; bilan.session; /mongodb/services/session-service/database; does not match pattern",
        "defaults.topologySpread.zoneWhenUnsatisfiable; Never; /defaults/topologySpread/zoneWhenUnsatisfiable; value must be one of",
        "synthesis.masterKeys.keys[0].existingSecret; \"\"; /synthesis/masterKeys/keys/0/existingSecret; minLength",
        "synthesis.masterKeys.keys[0].value; c2VjcmV0; /synthesis/masterKeys/keys/0; 'value' not allowed",
        "synthesis.masterKeys.current; k/2; /synthesis/masterKeys/current; does not match pattern",
        "oidc.directory.clientSecret.existingSecret; \"\"; /oidc/directory/clientSecret/existingSecret; minLength",
        // defaults hold every setting in full (a service overrides any part of them)
        "defaults.resources.requests.cpu; null; /defaults/resources/requests; missing property 'cpu'",
        "oidc.issuer; \"\"; /oidc/issuer; does not match pattern",
        // a value outside its enum or pattern
        "services.beneficiary-service.clients.billing.deadline; 5s; /services/beneficiary-service/clients; 'billing' not allowed",
        "services.session-service.clients.beneficiary.deadline; soon; /services/session-service/clients/beneficiary/deadline; does not match pattern",
        // the mail relay: a TLS mode of the list, a sender that is an address, a link that is a URL, no password as a value
        "notification.smtp.tls; ssl; /notification/smtp/tls; value must be one of",
        "notification.sender; ne-pas-repondre; /notification/sender; does not match pattern",
        "notification.applicationUrl; mon-bilan.example.fr; /notification/applicationUrl; does not match pattern",
        "notification.smtp.auth.password; s3cr3t; /notification/smtp/auth; 'password' not allowed",
        "notification.ratePerSecond; 0; /notification/ratePerSecond; exclusiveMinimum",
        // quality-service's public address: https only (a survey link carries its secret), a URL
        "quality.publicUrl; http://api.example.fr; /quality/publicUrl; does not match pattern",
        "quality.publicUrl; api.example.fr; /quality/publicUrl; does not match pattern",
    })
    void aBadValueIsRefusedNamingTheKey(String key, String value, String where, String why) {
        assertThatThrownBy(() -> Chart.template(VALID, Map.of(key, value)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("at '" + where).hasMessageContaining(why);
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
