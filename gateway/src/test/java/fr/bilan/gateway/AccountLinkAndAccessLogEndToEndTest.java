package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.support.testing.TestIdentityProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 across real processes, driven through the gateway as a front-end drives it:
 * beneficiary-service and session-service from their executable jars (in-memory stores), each
 * relaying its outbox with its own token (client-credentials grant of the test identity provider),
 * logins checked in the stand-in of Keycloak's admin API. A beneficiary reaches their bilan, its
 * sessions and their calendar feed through the login linked to them now (the account-link outbox),
 * and session-service's accesses, refused ones included, reach the beneficiary's one list of access
 * records (the access-record outbox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the polls below would otherwise meet the per-user limit, which is not under test
        "bilan.gateway.rate-limit.per-user=100000", "bilan.gateway.rate-limit.per-client-ip=100000"})
class AccountLinkAndAccessLogEndToEndTest {

    private static final Logger log = LoggerFactory.getLogger(AccountLinkAndAccessLogEndToEndTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CENTRE = "centre-lyon";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Far beyond the few poll intervals a delivery takes: only a lost one fails. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int BENEFICIARY_GRPC = GrpcServiceTestSupport.freePort();
    private static final int SESSION_GRPC = GrpcServiceTestSupport.freePort();
    private static ServiceProcess beneficiaryService;
    private static ServiceProcess sessionService;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A bilan opened for a beneficiary registered without a login, with one session booked. */
    private record Bilan(String consultant, String beneficiaryId, String id, String sessionId) {

        String path() {
            return "/api/v1/assessments/" + id;
        }

        /** The session's event in a feed (SessionCalendar: the same UID through every change). */
        String eventUid() {
            return "UID:" + id + "." + sessionId + "@bilan-competences";
        }
    }

    @BeforeAll
    static void startServices() throws Exception {
        List<String> common = List.of("--bilan.embedded.store=memory",
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(),
                "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri(),
                // the relays call as the service itself, with a token of their own
                "--bilan.oidc.client-secret=anything",
                "--bilan.oidc.token-uri=" + TestIdentityProvider.tokenEndpoint());
        // its outbox at its default pace (1 s): the delay measured below is the one a deployment sees
        beneficiaryService = ServiceProcess.startOnEmbeddedStores("beneficiary-service", GrpcServiceTestSupport.freePort(),
                concat(common, "--spring.grpc.server.port=" + BENEFICIARY_GRPC,
                        "--spring.grpc.client.channel.session.target=127.0.0.1:" + SESSION_GRPC,
                        "--bilan.directory.realm-admin-uri=" + FakeKeycloakAdmin.instance().realmAdminUri(),
                        "--bilan.directory.token-uri=" + TestIdentityProvider.tokenEndpoint(),
                        "--bilan.directory.client-secret=anything"));
        sessionService = ServiceProcess.startOnEmbeddedStores("session-service", GrpcServiceTestSupport.freePort(),
                concat(common, "--spring.grpc.server.port=" + SESSION_GRPC,
                        "--spring.grpc.client.channel.beneficiary.target=127.0.0.1:" + BENEFICIARY_GRPC,
                        // no bilan ends here: nothing is sent to retention-service, which is not running
                        "--spring.grpc.client.channel.retention.target=127.0.0.1:" + GrpcServiceTestSupport.refusingPort(),
                        "--bilan.outbox.poll-interval=200ms"));
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {sessionService, beneficiaryService}) {
            if (service != null) {
                service.close();
            }
        }
        sessionService = null;
        beneficiaryService = null;
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + BENEFICIARY_GRPC);
        registry.add("spring.grpc.client.channel.session.target", () -> "127.0.0.1:" + SESSION_GRPC);
    }

    @Test
    void theBilanItsSessionsAndTheFeedFollowTheLoginLinkedNow() throws Exception {
        Bilan bilan = openBilanWithASession();
        String login = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        String beneficiary = TestIdentityProvider.token(login, "beneficiary");
        String feed = ok(send(beneficiary, "POST", "/api/v1/calendarFeeds", "{}")).get("urlPath").asString();

        assertThat(status(beneficiary, bilan.path())).isEqualTo(403);
        assertThat(listedBilans(beneficiary)).isEmpty();
        assertThat(status(beneficiary, bilan.path() + "/sessions")).isEqualTo(403);
        assertThat(read(feed)).contains("BEGIN:VCALENDAR").doesNotContain(bilan.eventUid());

        link(bilan, login);
        long linked = System.nanoTime();
        await().atMost(DEADLINE).pollInterval(POLL).until(() -> status(beneficiary, bilan.path()) == 200);
        Duration followed = Duration.ofNanos(System.nanoTime() - linked);
        log.info("The bilan followed the login linked {} ms after the link was answered", followed.toMillis());

        assertThat(ok(send(beneficiary, "GET", bilan.path(), null)).get("beneficiaryId").asString())
                .isEqualTo(bilan.beneficiaryId());
        assertThat(listedBilans(beneficiary)).containsExactly(bilan.id());
        assertThat(ok(send(beneficiary, "GET", bilan.path() + "/sessions", null)).get("sessions").valueStream()
                .map(session -> session.get("id").asString())).containsExactly(bilan.sessionId());
        assertThat(read(feed)).contains(bilan.eventUid());

        link(bilan, "");
        long unlinked = System.nanoTime();
        await().atMost(DEADLINE).pollInterval(POLL).until(() -> status(beneficiary, bilan.path()) == 403);
        log.info("The bilan was out of the unlinked login's reach {} ms after the unlink was answered",
                Duration.ofNanos(System.nanoTime() - unlinked).toMillis());

        assertThat(listedBilans(beneficiary)).isEmpty();
        assertThat(status(beneficiary, bilan.path() + "/sessions")).isEqualTo(403);
        assertThat(read(feed)).contains("BEGIN:VCALENDAR").doesNotContain(bilan.eventUid());
        // the consultant still leads it
        assertThat(status(bilan.consultant(), bilan.path())).isEqualTo(200);
    }

    @Test
    void theBeneficiarysAccessRecordsHoldSessionServicesAccessesRefusedOnesIncluded() throws Exception {
        Bilan bilan = openBilanWithASession();
        String login = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        String beneficiary = TestIdentityProvider.token(login, "beneficiary");
        String consultantId = subject(bilan.consultant());
        assertThat(status(beneficiary, bilan.path())).isEqualTo(403);
        assertThat(status(beneficiary, bilan.path() + "/sessions")).isEqualTo(403);
        link(bilan, login);
        await().atMost(DEADLINE).pollInterval(POLL).until(() -> status(beneficiary, bilan.path()) == 200);
        ok(send(beneficiary, "GET", bilan.path() + "/sessions", null));
        assertThat(listedBilans(beneficiary)).containsExactly(bilan.id());
        String feed = ok(send(beneficiary, "POST", "/api/v1/calendarFeeds", "{}")).get("urlPath").asString();
        assertThat(read(feed)).contains(bilan.eventUid());
        String manager = TestIdentityProvider.token("manager-" + UUID.randomUUID(), List.of(CENTRE), "centre-manager");

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                accessRecords(manager, bilan).valueStream().map(AccountLinkAndAccessLogEndToEndTest::summary))
                .contains(
                        "session-service " + login + " assessment.get REFUSED",
                        "session-service " + login + " assessment.list-sessions REFUSED",
                        "session-service " + login + " assessment.get GRANTED",
                        "session-service " + login + " assessment.list-sessions GRANTED",
                        "session-service " + login + " assessment.list GRANTED",
                        "session-service " + login + " calendar-feed.get GRANTED",
                        "session-service " + consultantId + " assessment.create GRANTED",
                        "session-service " + consultantId + " assessment.schedule-session GRANTED",
                        "beneficiary-service " + consultantId + " beneficiary.create GRANTED",
                        "beneficiary-service " + consultantId + " beneficiary.update GRANTED"));

        for (JsonNode record : accessRecords(manager, bilan)) {
            assertThat(record.get("beneficiaryId").asString()).as(record.toString()).isEqualTo(bilan.beneficiaryId());
            assertThat(record.get("centreId").asString()).as(record.toString()).isEqualTo(CENTRE);
            assertThat(record.get("id").asString()).as(record.toString()).isNotBlank();
            if (record.get("service").asString().equals("session-service")) {
                assertThat(record.get("resource").asString()).as(record.toString()).startsWith("assessments/" + bilan.id());
            }
        }
    }

    @Test
    void anotherLoginLinkedInPlaceTakesTheBilanOverFromThePreviousOne() throws Exception {
        Bilan bilan = openBilanWithASession();
        String first = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        String second = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        String firstToken = TestIdentityProvider.token(first, "beneficiary");
        String secondToken = TestIdentityProvider.token(second, "beneficiary");
        link(bilan, first);
        await().atMost(DEADLINE).pollInterval(POLL).until(() -> status(firstToken, bilan.path()) == 200);

        link(bilan, second);
        await().atMost(DEADLINE).pollInterval(POLL).until(() -> status(secondToken, bilan.path()) == 200);

        assertThat(status(firstToken, bilan.path())).isEqualTo(403);
        assertThat(listedBilans(firstToken)).isEmpty();
        assertThat(listedBilans(secondToken)).containsExactly(bilan.id());
    }

    /** As a consultant of the centre: a beneficiary with no login, a bilan, a session a week ahead. */
    private Bilan openBilanWithASession() throws Exception {
        String consultant = TestIdentityProvider.token(
                FakeKeycloakAdmin.consultantLogin("consultant-" + UUID.randomUUID(), CENTRE), List.of(CENTRE), "consultant");
        String beneficiaryId = ok(send(consultant, "POST", "/api/v1/beneficiaries", """
                {"centreId":"%s","givenName":"Élodie","familyName":"Durand","email":"%s@example.fr",\
                "employmentStatus":"PRIVATE_SECTOR_EMPLOYEE"}""".formatted(CENTRE, UUID.randomUUID())))
                .get("id").asString();
        JsonNode opened = ok(send(consultant, "POST", "/api/v1/assessments", """
                {"beneficiaryId":"%s","format":"REMOTE"}""".formatted(beneficiaryId)));
        assertThat(opened.get("state").asString()).isEqualTo("INTAKE_INTERVIEW");
        String id = opened.get("id").asString();
        // the clock is real: a Tuesday at 10:00 in Lyon, one to two weeks ahead, when the centre is open
        var start = LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
        JsonNode session = ok(send(consultant, "POST", "/api/v1/assessments/" + id + "/sessions", """
                {"phase":"INTAKE","startTime":"%s","duration":"3600s","videoLink":"https://visio.example.fr/durand"}"""
                .formatted(start)));
        return new Bilan(consultant, beneficiaryId, id, session.get("id").asString());
    }

    /** The consultant links {@code login} to the beneficiary ({@code ""}: unlinks). */
    private void link(Bilan bilan, String login) throws Exception {
        JsonNode changed = ok(send(bilan.consultant(), "PATCH", "/api/v1/beneficiaries/" + bilan.beneficiaryId(),
                "{\"accountId\":\"" + login + "\"}"));
        assertThat(changed.path("accountId").asString("")).isEqualTo(login);
    }

    private List<String> listedBilans(String token) throws Exception {
        return ok(send(token, "GET", "/api/v1/assessments", null)).path("assessments").valueStream()
                .map(assessment -> assessment.get("id").asString()).toList();
    }

    private JsonNode accessRecords(String manager, Bilan bilan) throws Exception {
        return ok(send(manager, "GET", "/api/v1/beneficiaries/" + bilan.beneficiaryId() + "/accessRecords?pageSize=500",
                null)).path("accessRecords");
    }

    private static String summary(JsonNode record) {
        return record.get("service").asString() + " " + record.get("actor").asString() + " "
                + record.get("operation").asString() + " " + record.get("outcome").asString();
    }

    /** A calendar feed, read as a calendar application reads it: no token, the path is the secret. */
    private String read(String feedPath) throws Exception {
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(uri(feedPath)).GET().timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/calendar"));
        // long lines are folded (RFC 5545, 3.1)
        return feed.body().replace("\r\n ", "");
    }

    private int status(String token, String path) throws Exception {
        return send(token, "GET", path, null).statusCode();
    }

    private static String subject(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asString();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String[] concat(List<String> common, String... specific) {
        return Stream.concat(common.stream(), Arrays.stream(specific)).toArray(String[]::new);
    }
}
