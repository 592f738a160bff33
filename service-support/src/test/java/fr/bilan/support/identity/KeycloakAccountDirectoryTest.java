package fr.bilan.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.AccountDirectoryContract;
import fr.bilan.support.testing.KeycloakServer;

/**
 * The directory's client against the real Keycloak started with the repository's realm: the
 * {@code bilan-directory} client's service account may view users, and that is what the platform
 * reads. Skipped where no JDK 21+ can run Keycloak.
 */
class KeycloakAccountDirectoryTest extends AccountDirectoryContract {

    private static final KeycloakServer KEYCLOAK = new KeycloakServer();
    private static AccountDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        var jdk = KeycloakServer.jdk21();
        assumeTrue(jdk.isPresent(), "Keycloak needs a JDK 21 or newer; none found");
        KEYCLOAK.start(jdk.get());
        directory = new KeycloakAccountDirectory(KEYCLOAK.realmAdminUri(), new ServiceToken(
                URI.create(KEYCLOAK.tokenEndpoint()), "bilan-directory", KEYCLOAK.directoryClientSecret(),
                Clock.systemUTC()), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        KEYCLOAK.close();
    }

    @Override
    protected AccountDirectory directory() {
        return directory;
    }

    @Override
    protected String subjectOf(String username) throws Exception {
        return KEYCLOAK.userId(username);
    }

    @Test
    void aWrongSecretMakesTheDirectoryUnavailableNotEveryoneUnknown() {
        var wrong = new KeycloakAccountDirectory(KEYCLOAK.realmAdminUri(), new ServiceToken(
                URI.create(KEYCLOAK.tokenEndpoint()), "bilan-directory", "not-the-secret", Clock.systemUTC()),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> wrong.find("anyone")).isInstanceOf(DirectoryUnavailable.class);
    }

    @Test
    void theServicesClientCannotReadTheDirectory() throws Exception {
        // bilan-services holds platform-service, no admin role: only bilan-directory reads users
        var services = new KeycloakAccountDirectory(KEYCLOAK.realmAdminUri(), new ServiceToken(
                URI.create(KEYCLOAK.tokenEndpoint()), "bilan-services", KEYCLOAK.servicesClientSecret(),
                Clock.systemUTC()), Duration.ofSeconds(10));

        assertThatThrownBy(() -> services.find(subjectOf("consultant"))).isInstanceOf(DirectoryUnavailable.class)
                .hasMessageContaining("403");
        assertThat(directory.find(subjectOf("consultant"))).isPresent();
    }
}
