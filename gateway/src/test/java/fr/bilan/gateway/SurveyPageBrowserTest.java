package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.support.testing.TestIdentityProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A beneficiary answers the "à chaud" survey through its page in headless Chromium (Debian's), through
 * this gateway and the real quality-service jar: JavaScript off, part by keyboard, saves part of the
 * answers, opens the link again and finds them, sends with questions missing and sees the errors, completes
 * and sends, is thanked, and the link then opens nothing. The answers are read back from quality-service's
 * store. axe-core, in the same browser, finds no violation (WCAG 2.1 A and AA, best practices) on the
 * survey, the saved page, the error state, the thanks and the invalid link's page; each is screenshot
 * under target/. Skipped where Chromium, node or the gateway's npm tools are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyPageBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(SurveyPageBrowserTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TOOLS = Path.of(System.getProperty("basedir", ".")).resolve("tools");
    private static final Path CHROMIUM = Path.of(System.getProperty("bilan.chromium", "/usr/bin/chromium"));
    private static final int QUALITY_GRPC = GrpcServiceTestSupport.freePort();
    /** The key quality-service derives the links' tokens with (a test value, never a deployment's). */
    private static final byte[] LINK_KEY = "survey-page-browser-test-key-32b".getBytes(StandardCharsets.US_ASCII);
    private static final String SURVEY_ID = "survey-browser-1";
    private static final String SALT = "c2FsdC1vZi10aGUtdGVzdA";
    private static final List<String> STATES = List.of("survey", "saved", "reloaded", "errors", "thanks", "invalid");
    private static MongoServer mongo;
    private static MongoClient client;
    private static ServiceProcess qualityService;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startQualityService() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium (bash .ci/run "
                + "does it) to answer the survey page in a real browser");
        assumeTrue(Files.isDirectory(TOOLS.resolve("node_modules/puppeteer-core"))
                && Files.isDirectory(TOOLS.resolve("node_modules/axe-core")), "puppeteer-core or axe-core is not "
                + "installed in " + TOOLS + ": run npm ci --prefix gateway/tools (bash .ci/run does it)");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        qualityService = ServiceProcess.startOnEmbeddedStores("quality-service", GrpcServiceTestSupport.freePort(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/quality",
                "--spring.grpc.server.port=" + QUALITY_GRPC,
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(),
                "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri(),
                "--bilan.oidc.client-secret=anything",
                "--bilan.oidc.token-uri=" + TestIdentityProvider.tokenEndpoint(),
                "--bilan.quality.surveys.link-key=" + Base64.getEncoder().encodeToString(LINK_KEY),
                "--bilan.centres.overrides.centre-lyon.name=CIBC Lyon",
                "--bilan.centres.overrides.centre-lyon.address=10 rue de la République, 69001 Lyon",
                "--bilan.centres.overrides.centre-lyon.declaration-number=84691234569",
                // nothing here is sent on: the invitation was sent before the test, the access register is not called
                "--spring.grpc.client.channel.beneficiary.target=127.0.0.1:" + GrpcServiceTestSupport.refusingPort(),
                "--spring.grpc.client.channel.notification.target=127.0.0.1:" + GrpcServiceTestSupport.refusingPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (qualityService != null) {
            qualityService.close();
        }
        if (client != null) {
            client.close();
            mongo.shutdownNow();
        }
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel.quality.target", () -> "127.0.0.1:" + QUALITY_GRPC);
    }

    @Test
    void aBeneficiaryAnswersTheSurveyInABrowserAndEveryStateIsAccessible() throws Exception {
        String token = sentSurvey();
        Path output = Path.of("target", "survey-page.log");
        Process node;
        try {
            node = new ProcessBuilder("node", TOOLS.resolve("survey-page.mjs").toAbsolutePath().toString(),
                    CHROMIUM.toString(), "http://localhost:" + port + "/api/v1/surveyPages/" + token,
                    Path.of("target").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException noNode) {
            assumeTrue(false, "node is not on the PATH: the survey page is not answered in a real browser");
            return;
        }
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String report = String.join("\n", lines);
        log.info("Survey page in Chromium: {}", report);

        assertThat(finished).as("the browser run finished within 3 minutes:\n" + report).isTrue();
        assertThat(node.exitValue()).as(report).isZero();
        JsonNode states = JSON.readTree(lines.get(lines.size() - 1)).get("states");
        assertThat(STATES).allSatisfy(name -> {
            assertThat(states.get(name).get("violations").size()).as(name + ": " + states.get(name)).isZero();
            assertThat(Path.of("target", "survey-page-" + name + ".png")).isNotEmptyFile();
        });
        assertThat(states.get("survey").get("status").asInt()).isEqualTo(200);
        assertThat(states.get("survey").get("title").asString())
                .isEqualTo("Votre avis sur votre bilan de compétences – CIBC Lyon");
        assertThat(states.get("survey").get("keyboardReached").asString()).isEqualTo("q-satisfactionGlobale-1");
        assertThat(states.get("saved").get("notice").asString()).startsWith("Vos réponses sont enregistrées.");
        JsonNode prefilled = states.get("reloaded").get("prefilled");
        assertThat(List.of(prefilled.get("satisfactionGlobale").asString(), prefilled.get("accompagnement").asString(),
                prefilled.get("commentaire").asString())).containsExactly("4", "5", "Très utile, merci à ma consultante.");
        assertThat(states.get("errors").get("title").asString()).startsWith("Erreur : ");
        assertThat(states.get("errors").get("summaryLinks").size()).isEqualTo(3);
        assertThat(states.get("errors").get("summaryLinks").valueStream().map(link -> link.get("target").asBoolean()))
                .containsOnly(true);
        assertThat(states.get("thanks").get("h1").asString()).isEqualTo("Merci pour vos réponses");
        assertThat(states.get("invalid").get("status").asInt()).isEqualTo(404);
        assertThat(states.get("invalid").get("h1").asString()).isEqualTo("Page introuvable");

        Document answered = surveys().find(new Document("_id", SURVEY_ID)).first();
        assertThat(answered.getString("state")).isEqualTo("ANSWERED");
        assertThat(answered.getDate("answerTime")).isNotNull();
        assertThat(answered.getBoolean("satisfied")).isTrue();
        assertThat(answered.get("answers", Document.class)).containsAllEntriesOf(Map.of("satisfactionGlobale", "4",
                "accompagnement", "5", "objectifsAtteints", "oui", "clarteSynthese", "4", "recommandation", "oui",
                "commentaire", "Très utile, merci à ma consultante."));
    }

    /**
     * A survey whose invitation went yesterday, as quality-service's planner leaves it in its store, and
     * the token of its link, derived as the invitation's link is.
     */
    private static String sentSurvey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LINK_KEY, "HmacSHA256"));
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("survey-link/v1/" + SURVEY_ID + "/" + SALT).getBytes(StandardCharsets.UTF_8)));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        Instant now = Instant.now();
        Date yesterday = Date.from(now.minus(1, ChronoUnit.DAYS));
        surveys().insertOne(new Document("_id", SURVEY_ID).append("assessmentId", "assessment-browser-1")
                .append("centreId", "centre-lyon").append("kind", "END_OF_BILAN").append("state", "SENT")
                .append("questionnaireVersion", "reseau-2026-1").append("sendTime", yesterday)
                .append("sentTime", yesterday).append("reminderTimes", List.of()).append("answerTime", null)
                .append("expireTime", Date.from(now.plus(20, ChronoUnit.DAYS))).append("satisfied", null)
                .append("endDate", Date.from(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .append("answers", new Document()).append("linkSalt", SALT).append("linkHash", hash)
                .append("version", 0L));
        return token;
    }

    private static MongoCollection<Document> surveys() {
        return client.getDatabase("quality").getCollection("surveys");
    }
}
