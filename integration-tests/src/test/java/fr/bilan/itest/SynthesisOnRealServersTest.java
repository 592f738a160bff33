package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import tools.jackson.databind.JsonNode;

/**
 * The synthèse from draft to the beneficiary's PDF, through the gateway as the web front-end drives
 * it: a bilan funded and brought to its conclusion (a preliminary and an investigation session the
 * beneficiary attended), its synthèse written and finalised by the consultant, then handed to the
 * beneficiary alone, kept encrypted in the real store and registered for its legal destruction.
 */
class SynthesisOnRealServersTest extends PlatformTestSupport {

    private static final String BUCKET = "bilan-synthesis";
    /** Time enough to book both sessions before the first starts: a session is booked ahead. */
    private static final Duration LEAD = Duration.ofSeconds(20);
    /** The shortest session the suite's centre allows (Platform): the phases take minutes, not weeks. */
    private static final Duration SESSION = Duration.ofMinutes(1);
    /** Centre-lyon's zone, and its closing time in the suite (Platform). */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime CLOSING = LocalTime.of(23, 59);
    private static final String SIGNATURE = "{\"method\":\"IN_APP_SIGNATURE\"}";
    /** Every section finalising requires, as SynthesisServiceTestSupport.fullContent() writes them. */
    private static final String CONTENT = """
            {"content":{
              "requestContext":"Mme Durand, comptable depuis douze ans, veut donner un sens nouveau à son activité.",
              "careerPath":"BTS comptabilité ; cabinet d'expertise (8 ans) ; PME industrielle (4 ans).",
              "skills":{"knowledge":["Comptabilité générale"],"skills":["Animer une réunion"],
                "softSkills":["Rigueur","Écoute"]},
              "interests":{"motivations":"Transmettre, accompagner.","testResults":[{"testName":"Inventaire RIASEC",
                "summary":"Profil SEC","riasec":{"realistic":20,"investigative":45,"artistic":30,"social":85,
                "enterprising":60,"conventional":75}}]},
              "mainProject":{"title":"Formatrice en comptabilité pour adultes","feasibility":"CONDITIONAL",
                "feasibilityNotes":"Titre de formateur à obtenir."},
              "alternativeProjects":[{"title":"Contrôleuse de gestion","feasibility":"HIGH"}],
              "conditionsAndMeans":"Financement CPF du titre professionnel FPA ; soutien de l'employeur.",
              "actionPlan":[{"description":"S'inscrire au titre FPA","horizon":"SHORT_TERM",
                "dueDate":{"year":2027,"month":1,"day":15}}],
              "training":{"trainingNeeds":["Titre professionnel FPA"],"vaeAdvised":false},
              "followUp":{"proposedDate":{"year":2027,"month":6,"day":1},
                "terms":"Entretien individuel de suivi à six mois."}
            }}""";

    private static String consultant;
    private static String beneficiary;
    private static String assessmentId;
    /** The bilan's path in the API. */
    private static String bilan;
    /** The synthèse as finalising answered it. */
    private static JsonNode finalised;

    /**
     * Once for the class: the sessions take minutes of the real clock, and another bilan's sessions
     * would have to wait for their end (the demo consultant leads them all).
     */
    @BeforeAll
    static void concludeABilanAndFinaliseItsSynthesis() throws Exception {
        consultant = RealServers.token(KEYCLOAK, "consultant");
        beneficiary = RealServers.token(KEYCLOAK, "beneficiary");
        // linked to the demo beneficiary's login, before the bilan opens: session-service keeps it then
        String beneficiaryId = createBeneficiary(consultant, RealServers.subject(beneficiary)).get("id").asString();
        JsonNode funding = ok(send(consultant, "POST", "/api/v1/beneficiaries/" + beneficiaryId + "/fundings", """
                {"priceCents":"180000","selfFunded":{}}"""));
        assertThat(funding.get("state").asString()).isEqualTo("CONFIRMED");
        assessmentId = ok(send(consultant, "POST", "/api/v1/assessments", """
                {"beneficiaryId":"%s","format":"REMOTE","fundingId":"%s"}"""
                .formatted(beneficiaryId, funding.get("id").asString()))).get("id").asString();
        bilan = "/api/v1/assessments/" + assessmentId;
        move("FUNDING_AGREED");
        move("PRELIMINARY");
        Instant start = firstStart();
        String preliminary = book("PRELIMINARY_PHASE", start);
        String investigation = book("INVESTIGATION_PHASE", start.plus(SESSION));
        attend(preliminary, start);
        move("INVESTIGATION");
        attend(investigation, start.plus(SESSION));
        move("CONCLUSION");

        JsonNode draft = ok(send(consultant, "PATCH", bilan + "/synthesis", CONTENT));
        assertThat(draft.get("missingSections")).as(draft.toString()).isEmpty();
        // what is made final is the draft just read
        finalised = ok(send(consultant, "POST", bilan + "/synthesis:finalize",
                "{\"etag\":\"" + draft.get("etag").asString() + "\"}"));
        assertThat(finalised.get("state").asString()).isEqualTo("FINAL");
    }

    @Test
    void theBeneficiaryDownloadsThePdfAndThatIsTheHandOver() throws Exception {
        HttpResponse<byte[]> pdf = send(beneficiary, "GET", bilan + "/synthesis/document", null,
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body())))
                .isEqualTo(finalised.get("document").get("sha256").asString());
        // synthesis-service reports the hand-over to session-service through its outbox, with its own token
        JsonNode assessment = poll(() -> ok(send(consultant, "GET", bilan, null)), read -> read.has("synthesisHandoverTime"));
        assertThat(assessment.has("synthesisHandoverTime")).as(assessment.toString()).isTrue();
    }

    @Test
    void theRealStoreHoldsItEncryptedOnly() throws Exception {
        List<byte[]> stored = storedObjects("assessments/" + assessmentId + "/");

        assertThat(stored).hasSize(1);
        assertThat(new String(stored.get(0), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
    }

    @Test
    void nobodyElseGetsIt() throws Exception {
        // the centre's manager reads the bilan itself, and its auditor its hours: neither reads the synthèse
        for (String user : List.of("manager", "auditor")) {
            String token = RealServers.token(KEYCLOAK, user);

            assertThat(send(token, "GET", bilan + "/synthesis/document", null).statusCode()).as(user).isEqualTo(403);
            assertThat(send(token, "GET", bilan + "/synthesis", null).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void theRetentionScheduleListsThePdf() throws Exception {
        // synthesis-service registers the stored PDF with retention-service through its outbox
        JsonNode schedule = poll(() -> ok(send(consultant, "GET", bilan + "/retentionSchedule", null)),
                read -> !synthesisDocuments(read).isEmpty());

        assertThat(synthesisDocuments(schedule)).as(schedule.toString()).singleElement().satisfies(document -> {
            assertThat(document.get("holder").asString()).isEqualTo("synthesis-service");
            // nothing is due before the action ends
            assertThat(document.get("state").asString()).isEqualTo("AWAITING_ACTION_END");
        });
    }

    private static void move(String state) throws Exception {
        JsonNode moved = ok(send(consultant, "POST", bilan + ":move", "{\"state\":\"" + state + "\"}"));
        assertThat(moved.get("state").asString()).isEqualTo(state);
    }

    /** Books a remote session of {@code phase}: its id. */
    private static String book(String phase, Instant start) throws Exception {
        return ok(send(consultant, "POST", bilan + "/sessions", """
                {"phase":"%s","startTime":"%s","duration":"%ds","videoLink":"https://visio.example.fr/bilan-durand"}"""
                .formatted(phase, start, SESSION.toSeconds()))).get("id").asString();
    }

    /** Once the session has started, the beneficiary and the consultant each sign its sheet: it is attended. */
    private static void attend(String session, Instant start) throws Exception {
        long left = Duration.between(Instant.now(), start).toMillis();
        if (left > 0) {
            // a little past the start: the services read the same clock, to the millisecond
            Thread.sleep(left + 500);
        }
        String sheet = bilan + "/sessions/" + session + ":signAttendance";
        ok(send(beneficiary, "POST", sheet, SIGNATURE));
        assertThat(ok(send(consultant, "POST", sheet, SIGNATURE)).get("status").asString()).isEqualTo("ATTENDED");
    }

    /**
     * When the first session starts: once the bookings are made, and early enough that both sessions
     * end by the centre's closing, else when it opens the next day.
     */
    private static Instant firstStart() {
        ZonedDateTime start = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS).atZone(PARIS);
        ZonedDateTime end = start.plus(SESSION.multipliedBy(2));
        if (!end.toLocalDate().equals(start.toLocalDate()) || end.toLocalTime().isAfter(CLOSING)) {
            start = start.toLocalDate().plusDays(1).atStartOfDay(PARIS);
        }
        return start.toInstant();
    }

    private static List<JsonNode> synthesisDocuments(JsonNode schedule) {
        return schedule.get("destructions").valueStream()
                .filter(destruction -> destruction.get("kind").asString().equals("SYNTHESIS_DOCUMENT")).toList();
    }

    /** Every object of the synthèse's bucket under {@code prefix}, as stored. */
    private static List<byte[]> storedObjects(String prefix) throws Exception {
        MinioClient store = MinioClient.builder().endpoint(RealServers.s3Endpoint(S3))
                .credentials(RealServers.S3_ACCESS_KEY, RealServers.S3_SECRET_KEY).build();
        List<byte[]> objects = new ArrayList<>();
        for (Result<Item> item : store.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix).recursive(true)
                .build())) {
            try (InputStream object = store.getObject(GetObjectArgs.builder().bucket(BUCKET).object(item.get().objectName())
                    .build())) {
                objects.add(object.readAllBytes());
            }
        }
        return objects;
    }
}
