package fr.bilan.itest;

import static fr.bilan.itest.PlatformTestSupport.KEYCLOAK;
import static fr.bilan.itest.PlatformTestSupport.S3;
import static fr.bilan.itest.PlatformTestSupport.createBeneficiary;
import static fr.bilan.itest.PlatformTestSupport.ok;
import static fr.bilan.itest.PlatformTestSupport.poll;
import static fr.bilan.itest.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import tools.jackson.databind.JsonNode;

/**
 * A bilan of the realm's demo beneficiary taken through the gateway, as the web front-end drives it,
 * to its conclusion phase with its synthèse finalised: funded, a session of each phase asked for
 * held (the beneficiary and the consultant both signed its sheet), the synthèse written and made
 * final by the consultant. Not handed over yet: the beneficiary's first download is the hand-over.
 *
 * @param consultant  the demo consultant's token, who leads it
 * @param beneficiary the demo beneficiary's token, whose login the beneficiary's record is linked to
 * @param synthesis   the synthèse as finalising answered it
 */
record ConcludedBilan(String consultant, String beneficiary, String beneficiaryId, String id, JsonNode synthesis) {

    /** The bucket synthesis-service keeps the synthèse's PDFs in. */
    static final String BUCKET = "bilan-synthesis";
    /** Time enough to book every session before the first starts: a session is booked ahead. */
    private static final Duration LEAD = Duration.ofSeconds(20);
    /** The shortest session the suite's centre allows (Platform): the phases take minutes, not weeks. */
    private static final Duration SESSION = Duration.ofMinutes(1);
    /** Centre-lyon's zone, and its closing time in the suite (Platform). */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime CLOSING = LocalTime.of(23, 59);
    private static final String SIGNATURE = "{\"method\":\"IN_APP_SIGNATURE\"}";
    /** The bilan's states that run a phase, in order, and the phase of their sessions. */
    private static final List<String> PHASE_STATES = List.of("PRELIMINARY", "INVESTIGATION", "CONCLUSION");
    private static final List<String> PHASES = List.of("PRELIMINARY_PHASE", "INVESTIGATION_PHASE", "CONCLUSION_PHASE");
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

    /**
     * When the demo consultant is free again: every bilan of the run is theirs, so one's sessions
     * are booked after the previous one's end.
     */
    private static Instant consultantFree = Instant.EPOCH;

    /** A preliminary and an investigation session held: the conclusion phase is open, the synthèse final. */
    static ConcludedBilan withFinalSynthesis() throws Exception {
        return take(2);
    }

    /**
     * A conclusion session held too: with the hand-over, what the action's end asks of the
     * conclusion phase (R6313-4; session-service's AssessmentLifecycle).
     */
    static ConcludedBilan withConclusionSessionHeld() throws Exception {
        return take(3);
    }

    /** The bilan's path in the API. */
    String path() {
        return "/api/v1/assessments/" + id;
    }

    /** The synthèse's PDF downloaded by {@code token}'s owner. */
    HttpResponse<byte[]> download(String token) throws Exception {
        return send(token, "GET", path() + "/synthesis/document", null, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The bilan, read by its consultant once session-service knows of the hand-over: synthesis-service
     * reports it through its outbox, with its own token.
     */
    JsonNode handedOver() throws Exception {
        JsonNode assessment = poll(() -> read(), read -> read.has("synthesisHandoverTime"));
        assertThat(assessment.has("synthesisHandoverTime")).as(assessment.toString()).isTrue();
        return assessment;
    }

    /** The bilan, as its consultant reads it. */
    JsonNode read() throws Exception {
        return ok(send(consultant, "GET", path(), null));
    }

    /** The bilan's retention schedule, as its consultant reads it. */
    JsonNode schedule() throws Exception {
        return ok(send(consultant, "GET", path() + "/retentionSchedule", null));
    }

    /** The schedule's destructions of synthèse documents. */
    static List<JsonNode> synthesisDocuments(JsonNode schedule) {
        return schedule.get("destructions").valueStream()
                .filter(destruction -> destruction.get("kind").asString().equals("SYNTHESIS_DOCUMENT")).toList();
    }

    /** Every object of the synthèse's bucket under the bilan's prefix, as stored: key → bytes. */
    Map<String, byte[]> storedObjects() throws Exception {
        MinioClient store = MinioClient.builder().endpoint(RealServers.s3Endpoint(S3))
                .credentials(RealServers.S3_ACCESS_KEY, RealServers.S3_SECRET_KEY).build();
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (Result<Item> item : store.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix("assessments/" + id + "/")
                .recursive(true).build())) {
            String key = item.get().objectName();
            try (InputStream object = store.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
                objects.put(key, object.readAllBytes());
            }
        }
        return objects;
    }

    /** Moves the bilan to {@code state}, as its consultant: the bilan moved. */
    JsonNode move(String state) throws Exception {
        JsonNode moved = ok(send(consultant, "POST", path() + ":move", "{\"state\":\"" + state + "\"}"));
        assertThat(moved.get("state").asString()).isEqualTo(state);
        return moved;
    }

    /** Opens the bilan, holds a session of each of the first {@code phases} phases, finalises the synthèse. */
    private static ConcludedBilan take(int phases) throws Exception {
        String consultant = RealServers.token(KEYCLOAK, "consultant");
        String beneficiary = RealServers.token(KEYCLOAK, "beneficiary");
        // linked to the demo beneficiary's login, before the bilan opens: session-service keeps it then
        String beneficiaryId = createBeneficiary(consultant, RealServers.subject(beneficiary)).get("id").asString();
        JsonNode funding = ok(send(consultant, "POST", "/api/v1/beneficiaries/" + beneficiaryId + "/fundings", """
                {"priceCents":"180000","selfFunded":{}}"""));
        assertThat(funding.get("state").asString()).isEqualTo("CONFIRMED");
        String id = ok(send(consultant, "POST", "/api/v1/assessments", """
                {"beneficiaryId":"%s","format":"REMOTE","fundingId":"%s"}"""
                .formatted(beneficiaryId, funding.get("id").asString()))).get("id").asString();
        ConcludedBilan bilan = new ConcludedBilan(consultant, beneficiary, beneficiaryId, id, null);
        bilan.move("FUNDING_AGREED");
        // L6313-1: the préliminaire starts only with the beneficiary's consent, here a signed form
        ok(send(consultant, "POST", "/api/v1/beneficiaries/" + beneficiaryId + "/consentRecords", """
                {"kind":"PARTICIPATION","decision":"GRANTED","method":"SIGNED_FORM","evidenceSha256":"%s"}"""
                .formatted("0".repeat(64))));
        bilan.move("PRELIMINARY");
        Instant start = firstStart(phases);
        List<String> sessions = new ArrayList<>();
        for (int phase = 0; phase < phases; phase++) {
            sessions.add(bilan.book(PHASES.get(phase), start.plus(SESSION.multipliedBy(phase))));
        }
        consultantFree = start.plus(SESSION.multipliedBy(phases));
        for (int phase = 0; phase < PHASE_STATES.size(); phase++) {
            if (phase > 0) {
                bilan.move(PHASE_STATES.get(phase));
            }
            if (phase < phases) {
                bilan.attend(sessions.get(phase), start.plus(SESSION.multipliedBy(phase)));
            }
        }

        JsonNode draft = ok(send(consultant, "PATCH", bilan.path() + "/synthesis", CONTENT));
        assertThat(draft.get("missingSections")).as(draft.toString()).isEmpty();
        // what is made final is the draft just read
        JsonNode finalised = ok(send(consultant, "POST", bilan.path() + "/synthesis:finalize",
                "{\"etag\":\"" + draft.get("etag").asString() + "\"}"));
        assertThat(finalised.get("state").asString()).isEqualTo("FINAL");
        return new ConcludedBilan(consultant, beneficiary, beneficiaryId, id, finalised);
    }

    /** Books a remote session of {@code phase}: its id. */
    private String book(String phase, Instant start) throws Exception {
        return ok(send(consultant, "POST", path() + "/sessions", """
                {"phase":"%s","startTime":"%s","duration":"%ds","videoLink":"https://visio.example.fr/bilan-durand"}"""
                .formatted(phase, start, SESSION.toSeconds()))).get("id").asString();
    }

    /** Once the session has started, the beneficiary and the consultant each sign its sheet: it is attended. */
    private void attend(String session, Instant start) throws Exception {
        long left = Duration.between(Instant.now(), start).toMillis();
        if (left > 0) {
            // a little past the start: the services read the same clock, to the millisecond
            Thread.sleep(left + 500);
        }
        String sheet = path() + "/sessions/" + session + ":signAttendance";
        ok(send(beneficiary, "POST", sheet, SIGNATURE));
        assertThat(ok(send(consultant, "POST", sheet, SIGNATURE)).get("status").asString()).isEqualTo("ATTENDED");
    }

    /**
     * When the first of {@code sessions} back-to-back sessions starts: once the bookings are made
     * and the consultant is free, and early enough that all end by the centre's closing, else when it
     * opens the next day.
     */
    private static Instant firstStart(int sessions) {
        Instant earliest = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime start = (earliest.isAfter(consultantFree) ? earliest : consultantFree).atZone(PARIS);
        ZonedDateTime end = start.plus(SESSION.multipliedBy(sessions));
        if (!end.toLocalDate().equals(start.toLocalDate()) || end.toLocalTime().isAfter(CLOSING)) {
            start = start.toLocalDate().plusDays(1).atStartOfDay(PARIS);
        }
        return start.toInstant();
    }
}
