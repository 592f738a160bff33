package fr.bilan.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.AccountDirectoryContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;

/** The directory's client against the stand-in tests use: it must pass what the real Keycloak passes. */
class FakeKeycloakAdminDirectoryTest extends AccountDirectoryContract {

    private static final Path REALM_FILE = Path.of("..", "helm", "bilan", "files", "keycloak", "bilan-realm.json");
    private static FakeKeycloakAdmin keycloak;
    private static AccountDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        keycloak = FakeKeycloakAdmin.instance().withRealmUsers(REALM_FILE);
        directory = new KeycloakAccountDirectory(keycloak.realmAdminUri(), new ServiceToken(
                URI.create(TestIdentityProvider.tokenEndpoint()), "bilan-directory", "test-only", Clock.systemUTC()),
                Duration.ofSeconds(5));
    }

    @Override
    protected AccountDirectory directory() {
        return directory;
    }

    @Override
    protected String subjectOf(String username) {
        return keycloak.subjectOf(username);
    }

    @Test
    void answersNothingWithoutABearerTokenAsKeycloakDoes() throws Exception {
        var unauthenticated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.realmAdminUri() + "/users/" + subjectOf("consultant"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).doesNotContain(subjectOf("consultant"));
    }
}
