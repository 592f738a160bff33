package fr.bilan.support.testing;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * An OpenID provider for tests (mock-oauth2-server, in process, real signed JWTs), issuing
 * tokens shaped like Keycloak's: audience {@code bilan-api}, roles under {@code realm_access.roles}.
 * One instance serves a whole test JVM.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "bilan-api";
    private static final String ISSUER_ID = "bilan";
    private static final MockOAuth2Server SERVER = started();

    private TestIdentityProvider() {
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    public static String issuer() {
        return SERVER.issuerUrl(ISSUER_ID).toString();
    }

    public static String jwksUri() {
        return SERVER.jwksUrl(ISSUER_ID).toString();
    }

    /** A valid access token for {@code subject} holding {@code roles}, member of no centre. */
    public static String token(String subject, String... roles) {
        return issue(ISSUER_ID, subject, List.of(AUDIENCE), 3600, List.of(), roles);
    }

    /** A valid access token for {@code subject} holding {@code roles}, member of {@code centres}. */
    public static String token(String subject, List<String> centres, String... roles) {
        return issue(ISSUER_ID, subject, List.of(AUDIENCE), 3600, centres, roles);
    }

    /** Signed by another issuer, with its own keys. */
    public static String tokenFromAnotherIssuer(String subject, String... roles) {
        return issue("intruder", subject, List.of(AUDIENCE), 3600, List.of(), roles);
    }

    /** Signed by the right issuer, for another audience. */
    public static String tokenForAnotherAudience(String subject, String... roles) {
        return issue(ISSUER_ID, subject, List.of("account"), 3600, List.of(), roles);
    }

    /** Signed by the right issuer, expired an hour ago. */
    public static String expiredToken(String subject, String... roles) {
        return issue(ISSUER_ID, subject, List.of(AUDIENCE), -3600, List.of(), roles);
    }

    private static String issue(String issuerId, String subject, List<String> audience, long expirySeconds,
            List<String> centres, String... roles) {
        var callback = new DefaultOAuth2TokenCallback(issuerId, subject, JOSEObjectType.JWT.getType(), audience,
                Map.of("realm_access", Map.of("roles", List.of(roles)), "centres", centres), expirySeconds);
        return SERVER.issueToken(issuerId, "bilan-cli", callback).serialize();
    }
}
