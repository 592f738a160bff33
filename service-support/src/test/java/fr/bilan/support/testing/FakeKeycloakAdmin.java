package fr.bilan.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.bilan.support.identity.Account;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The part of Keycloak's admin REST API the platform's account directory reads, for tests that
 * cannot start Keycloak: a user by id, its effective realm roles, its groups. It answers as Keycloak
 * does (404 for an unknown user, 401 without a bearer token; it does not check the token's
 * signature) and passes the same contract tests as the real server ({@code AccountDirectoryContract}).
 * Accounts are those a test puts, or the users of the repository's realm file
 * ({@link #withRealmUsers}). One instance serves a whole test JVM.
 * <p>
 * It keeps its logins in a type of its own, and touches {@link Account} only in {@link #put}: a
 * module that has service-support's test-jar without its main jar (the gateway, whose end-to-end
 * tests point beneficiary-service at this stand-in) registers logins through
 * {@link #beneficiaryLogin} and {@link #consultantLogin}, which never load that class.
 */
public final class FakeKeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USER = Pattern.compile("/admin/realms/bilan/users/([^/]+)(/role-mappings/realm/composite|/groups)?");
    private static final FakeKeycloakAdmin INSTANCE = started();

    private final HttpServer server;
    private final Map<String, Login> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> subjectsByUsername = new ConcurrentHashMap<>();

    /** A login as the admin API describes it; {@code email} and names {@code null} when it has none. */
    private record Login(String subject, Set<String> roles, Set<String> centres, String email, String firstName,
            String lastName) {

        Login(String subject, Set<String> roles, Set<String> centres) {
            this(subject, roles, centres, null, null, null);
        }
    }

    private FakeKeycloakAdmin(HttpServer server) {
        this.server = server;
    }

    public static FakeKeycloakAdmin instance() {
        return INSTANCE;
    }

    private static FakeKeycloakAdmin started() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeKeycloakAdmin fake = new FakeKeycloakAdmin(server);
            server.createContext("/admin/realms/bilan/users/", fake::answer);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm's admin API, as {@code bilan.directory.realm-admin-uri} names it. */
    public URI realmAdminUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/admin/realms/bilan");
    }

    /** A beneficiary's login, known to the directory from now on: its subject. */
    public static String beneficiaryLogin(String subject) {
        INSTANCE.accounts.put(subject, new Login(subject, Set.of("beneficiary"), Set.of()));
        return subject;
    }

    /** A consultant's login, member of {@code centres}, known to the directory from now on: its subject. */
    public static String consultantLogin(String subject, String... centres) {
        INSTANCE.accounts.put(subject, new Login(subject, Set.of("consultant"), Set.of(centres)));
        return subject;
    }

    /** Adds or replaces an account. */
    public void put(Account account) {
        accounts.put(account.subject(), new Login(account.subject(), account.roles(), account.centres(), account.email(),
                account.givenName(), account.familyName()));
    }

    public void remove(String subject) {
        accounts.remove(subject);
    }

    /** Adds the users of a realm file (as Keycloak imports them), each under a new id. */
    public synchronized FakeKeycloakAdmin withRealmUsers(Path realmFile) throws IOException {
        if (!subjectsByUsername.isEmpty()) {
            return this;
        }
        for (JsonNode user : JSON.readTree(realmFile.toFile()).get("users")) {
            String subject = UUID.randomUUID().toString();
            List<String> roles = user.path("realmRoles").valueStream().map(JsonNode::asString).toList();
            List<String> centres = user.path("groups").valueStream().map(JsonNode::asString)
                    .filter(group -> group.startsWith("/centres/")).map(group -> group.substring("/centres/".length()))
                    .toList();
            accounts.put(subject, new Login(subject, Set.copyOf(roles), Set.copyOf(centres), text(user, "email"),
                    text(user, "firstName"), text(user, "lastName")));
            subjectsByUsername.put(user.get("username").asString(), subject);
        }
        return this;
    }

    /** The subject of a user of the realm file. */
    public String subjectOf(String username) {
        return subjectsByUsername.get(username);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream ignored = exchange.getRequestBody()) {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            if (bearer == null || !bearer.startsWith("Bearer ") || bearer.length() <= "Bearer ".length()) {
                send(exchange, 401, JSON.createObjectNode().put("error", "HTTP 401 Unauthorized"));
                return;
            }
            Matcher path = USER.matcher(exchange.getRequestURI().getRawPath());
            Login account = path.matches() && "GET".equals(exchange.getRequestMethod())
                    ? accounts.get(URLDecoder.decode(path.group(1), StandardCharsets.UTF_8)) : null;
            if (account == null) {
                send(exchange, 404, JSON.createObjectNode().put("error", "User not found"));
            } else if (path.group(2) == null) {
                var user = JSON.createObjectNode().put("id", account.subject()).put("enabled", true);
                if (account.email() != null) {
                    user.put("email", account.email());
                }
                if (account.firstName() != null) {
                    user.put("firstName", account.firstName());
                }
                if (account.lastName() != null) {
                    user.put("lastName", account.lastName());
                }
                send(exchange, 200, user);
            } else if (path.group(2).equals("/groups")) {
                ArrayNode groups = JSON.createArrayNode();
                account.centres().forEach(centre -> groups.addObject().put("name", centre).put("path", "/centres/" + centre));
                send(exchange, 200, groups);
            } else {
                ArrayNode roles = JSON.createArrayNode();
                roles.addObject().put("name", "default-roles-bilan");
                account.roles().forEach(role -> roles.addObject().put("name", role));
                send(exchange, 200, roles);
            }
        }
    }

    private static String text(JsonNode user, String field) {
        return user.hasNonNull(field) ? user.get(field).asString() : null;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
