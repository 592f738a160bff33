package fr.bilan.support.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;

/**
 * An OpenID provider for tests (mock-oauth2-server, in process, real signed JWTs), issuing
 * tokens shaped like Keycloak's: audience {@code bilan-api}, roles under {@code realm_access.roles}.
 * Its token endpoint answers the client-credentials grant as Keycloak does for the services' client:
 * a token of {@link #SERVICE_ACCOUNT} holding realm role {@link #SERVICE_ROLE}, whatever the client
 * credentials. One instance serves a whole test JVM.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "bilan-api";
    /** The subject of the tokens the token endpoint issues for the client-credentials grant. */
    public static final String SERVICE_ACCOUNT = "service-account-bilan-services";
    /** The realm role those tokens hold. */
    public static final String SERVICE_ROLE = "platform-service";
    /** Their lifespan, in seconds. */
    public static final long SERVICE_TOKEN_LIFESPAN = 3600;
    private static final String ISSUER_ID = "bilan";
    private static final MockOAuth2Server SERVER = started();

    private TestIdentityProvider() {
    }

    private static MockOAuth2Server started() {
        var serviceAccount = new RequestMapping("grant_type", "client_credentials", Map.of("sub", SERVICE_ACCOUNT,
                "aud", List.of(AUDIENCE), "realm_access", Map.of("roles", List.of(SERVICE_ROLE))), JOSEObjectType.JWT.getType());
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                Set.of(new RequestMappingTokenCallback(ISSUER_ID, List.of(serviceAccount), SERVICE_TOKEN_LIFESPAN))));
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

    /** Where a service asks for its own token (client-credentials grant). */
    public static String tokenEndpoint() {
        return SERVER.tokenEndpointUrl(ISSUER_ID).toString();
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
