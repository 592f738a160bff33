package fr.bilan.support.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.bilan.support.security.ServiceToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logins of Keycloak's realm, read through its admin REST API with a service account that may
 * only view users (the realm's client {@code bilan-directory}, role {@code realm-management/view-users}):
 * the user by id (with its e-mail and names), its effective realm roles, its groups under {@code /centres}. Nothing is cached:
 * a role or a centre taken away is seen at once.
 */
public final class KeycloakAccountDirectory implements AccountDirectory {

    /** What a subject may look like to be looked up: Keycloak's ids are UUIDs; never a path or a query. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String CENTRES_GROUP = "/centres/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI realmAdmin;
    private final ServiceToken token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param realmAdmin the realm's admin API, e.g. {@code http://keycloak:8080/admin/realms/bilan}
     * @param token      the directory's own token (client credentials of {@code bilan-directory})
     */
    public KeycloakAccountDirectory(URI realmAdmin, ServiceToken token, Duration timeout) {
        this.realmAdmin = URI.create(realmAdmin.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Account> find(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            return Optional.empty();
        }
        String user = "users/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        Optional<JsonNode> found = get(user);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        get(user + "/role-mappings/realm/composite").orElseThrow(() -> gone(subject))
                .forEach(role -> roles.add(role.path("name").asString("")));
        Set<String> centres = new HashSet<>();
        get(user + "/groups?briefRepresentation=true&max=1000").orElseThrow(() -> gone(subject)).forEach(group -> {
            String path = group.path("path").asString("");
            if (path.startsWith(CENTRES_GROUP) && path.indexOf('/', CENTRES_GROUP.length()) < 0) {
                centres.add(path.substring(CENTRES_GROUP.length()));
            }
        });
        JsonNode details = found.get();
        return Optional.of(new Account(details.path("id").asString(subject), roles, centres, text(details, "email"),
                text(details, "firstName"), text(details, "lastName")));
    }

    /** A field of the user, {@code null} when absent or blank. */
    private static String text(JsonNode user, String field) {
        String value = user.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    /** The resource, or empty when the API answers 404. */
    private Optional<JsonNode> get(String path) {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 401) {
            // a token the provider no longer takes: once more with a new one
            token.invalidate();
            response = send(path);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailable("Keycloak's admin API answered HTTP " + response.statusCode() + " to "
                    + realmAdmin + path.replaceFirst("\\?.*", ""));
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JacksonException e) {
            throw new DirectoryUnavailable("Keycloak's admin API answered something that is not JSON", e);
        }
    }

    private HttpResponse<String> send(String path) {
        String bearer;
        try {
            bearer = token.accessToken();
        } catch (ServiceToken.ServiceTokenException e) {
            throw new DirectoryUnavailable("No token for the directory: " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(realmAdmin.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak's admin API unreachable at " + realmAdmin + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("Interrupted while asking Keycloak's admin API", e);
        }
    }

    /** The user was there a moment ago and its details are not: it was deleted in between. */
    private static DirectoryUnavailable gone(String subject) {
        return new DirectoryUnavailable("User " + subject + " vanished while being read");
    }

    @Override
    public String toString() {
        return "KeycloakAccountDirectory[" + realmAdmin + "]";
    }
}
