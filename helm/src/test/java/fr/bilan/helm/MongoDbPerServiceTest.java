package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * One MongoDB user and one database per service: no service reads another's collections, and the
 * collections every service has (access_records with its TTL index, shedlock, page_token_keys) never
 * meet when the services share a cluster.
 */
class MongoDbPerServiceTest {

    static final Set<String> WITH_DATABASE = Set.of("beneficiary-service", "session-service", "synthesis-service",
            "retention-service", "notification-service", "quality-service");

    static Stream<String> valueFiles() {
        return Chart.ciValueFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void eachServiceHasItsOwnCredentialAndItsOwnDatabase(String valuesFile) {
        Map<String, String> credentials = new HashMap<>();
        Map<String, String> databases = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(Chart.render(valuesFile), Deployment.class)) {
            String service = RenderedManifestsTest.container(deployment).getName();
            Map<String, EnvVar> env = env(deployment);
            if (!WITH_DATABASE.contains(service)) {
                assertThat(env).as(service).doesNotContainKeys("SPRING_MONGODB_URI", "SPRING_MONGODB_DATABASE");
                continue;
            }
            SecretKeySelector uri = env.get("SPRING_MONGODB_URI").getValueFrom().getSecretKeyRef();
            assertThat(credentials.put(uri.getName() + "/" + uri.getKey(), service))
                    .as("%s: its connection string is another service's", service).isNull();
            String database = env.get("SPRING_MONGODB_DATABASE").getValue();
            assertThat(database).as(service).isNotBlank();
            assertThat(databases.put(database, service)).as("%s: its database is another service's", service).isNull();
        }
        assertThat(databases.values()).containsExactlyInAnyOrderElementsOf(WITH_DATABASE);
    }

    @Test
    void theDefaultDatabasesAreTheServicesOwn() {
        Map<String, String> databases = new HashMap<>();
        for (Deployment deployment : Chart.ofKind(Chart.render("production-values.yaml"), Deployment.class)) {
            EnvVar database = env(deployment).get("SPRING_MONGODB_DATABASE");
            if (database != null) {
                databases.put(RenderedManifestsTest.container(deployment).getName(), database.getValue());
            }
        }
        assertThat(databases).containsOnly(Map.entry("beneficiary-service", "bilan-beneficiary-service"),
                Map.entry("session-service", "bilan-session-service"),
                Map.entry("synthesis-service", "bilan-synthesis-service"),
                Map.entry("retention-service", "bilan-retention-service"),
                Map.entry("notification-service", "bilan-notification-service"),
                Map.entry("quality-service", "bilan-quality-service"));
    }

    /** The former single connection string is refused, naming what replaces it, rather than kept as a fallback. */
    @Test
    void theFormerSingleConnectionStringIsRefusedNamingTheNewKeys() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml", Map.of("mongodb.existingSecret", "bilan-mongodb")))
                .hasMessageContaining("mongodb.existingSecret was replaced by one user and one database per service")
                .hasMessageContaining("mongodb.services.<beneficiary-service|session-service|synthesis-service|retention-service|notification-service|quality-service>.existingSecret")
                .hasMessageContaining("docs/operations.md");
    }

    @Test
    void twoServicesOnOneCredentialOrOneDatabaseAreRefused() {
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("mongodb.services.session-service.uriKey", "beneficiary-service")))
                .hasMessageContaining("mongodb.services.beneficiary-service and mongodb.services.session-service read the "
                        + "same connection string (Secret key bilan-mongodb/beneficiary-service)");
        assertThatThrownBy(() -> Chart.template("default-values.yaml",
                Map.of("mongodb.services.retention-service.database", "bilan-synthesis-service")))
                .hasMessageContaining("mongodb.services.retention-service and mongodb.services.synthesis-service name "
                        + "the same database bilan-synthesis-service");
    }

    @Test
    void aDisabledServiceNeedsNoCredential() {
        List<Deployment> deployments = Chart.ofKind(Chart.parse(Chart.template("default-values.yaml",
                Map.of("services.retention-service.enabled", "false",
                        "mongodb.services.retention-service.uriKey", "beneficiary-service"))), Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).hasSize(Topology.services().size() - 1)
                .doesNotContain("bilan-retention-service");
    }

    static Map<String, EnvVar> env(Deployment deployment) {
        Map<String, EnvVar> env = new HashMap<>();
        List<EnvVar> vars = RenderedManifestsTest.container(deployment).getEnv();
        vars.forEach(e -> env.put(e.getName(), e));
        return env;
    }
}
