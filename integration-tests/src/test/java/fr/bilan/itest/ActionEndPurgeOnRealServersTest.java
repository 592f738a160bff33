package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A bilan's end, then the purge of what must go (Code du travail R6313-7), through the gateway: a
 * bilan taken to its conclusion, its synthèse finalised and handed over, its beneficiary having
 * agreed to keep nothing for their follow-up; the action ends (by the beneficiary's withdrawal), which makes the
 * synthèse due at once; a network administrator's purge then destroys it in the real store, with
 * proof, and the beneficiary is told it is gone.
 */
class ActionEndPurgeOnRealServersTest extends PlatformTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The rule of R6313-7's first paragraph, for an action without the beneficiary's written agreement. */
    private static final String END_OF_ACTION = "end-of-action";
    /**
     * What the bilan's schedule holds once the action ended: the synthèse's PDF, and what
     * synthesis-service keeps of it in its database (the text and its history), which
     * retention-service registers at the end.
     */
    private static final int SYNTHESIS_ENTRIES = 2;
    /**
     * And the bilan's process evidence, registered at the end too, kept three years for controls
     * (L6362-6): its attendance at session-service, its funding's agreement at beneficiary-service, the
     * record of its messages at notification-service; by holder, the kind each is kept under.
     */
    private static final Map<String, String> PROCESS_EVIDENCE = Map.of("session-service", "ATTENDANCE",
            "beneficiary-service", "AGREEMENT", "notification-service", "ATTENDANCE");

    private static ConcludedBilan bilan;
    /** The PDF's entry in the retention registry, and its key in the real bucket. */
    private static String pdf;
    private static String objectKey;
    /** When the action ended, as session-service answered the move. */
    private static Instant actionEnd;
    /** The schedule once the end reached retention-service, and once the purge ran. */
    private static JsonNode due;
    private static JsonNode destroyed;
    /** The purge run, as it ended. */
    private static JsonNode run;

    /** Once for the class: the sessions take minutes of the real clock, and the flow runs in order. */
    @BeforeAll
    static void endABilanThenPurge() throws Exception {
        bilan = ConcludedBilan.withConclusionSessionHeld();
        JsonNode followUp = ok(send(bilan.consultant(), "GET", "/api/v1/beneficiaries/" + bilan.beneficiaryId()
                + "/consentRecords:check?kind=FOLLOW_UP_RETENTION", null));
        assertThat(followUp.path("granted").asBoolean(false)).as("no written agreement (R6313-7 b)").isFalse();
        // synthesis-service registers the stored PDF with retention-service through its outbox
        JsonNode registered = poll(bilan::schedule, read -> !ConcludedBilan.synthesisDocuments(read).isEmpty());
        pdf = single(ConcludedBilan.synthesisDocuments(registered), registered).get("documentId").asString();
        objectKey = single(List.copyOf(bilan.storedObjects().keySet()), bilan.id());

        assertThat(bilan.download(bilan.beneficiary()).statusCode()).isEqualTo(200);
        bilan.handedOver();
        // ending as completed takes 13 hours of accompaniment (R6313-4 as amended in 2026), more than the
        // suite's real clock holds (a session is signed once started, and the consultant's never overlap):
        // the action ends by the beneficiary's withdrawal, which starts the same clocks
        JsonNode ended = ok(send(bilan.consultant(), "POST", bilan.path() + ":move",
                "{\"state\":\"WITHDRAWN\",\"reason\":\"Le bénéficiaire a retrouvé un emploi\"}"));
        assertThat(ended.get("state").asString()).isEqualTo("WITHDRAWN");
        actionEnd = instant(ended, "actionEndTime");
        // session-service delivers the end to retention-service through its outbox
        due = poll(bilan::schedule, read -> read.has("actionEndTime")
                && read.get("destructions").size() == SYNTHESIS_ENTRIES + PROCESS_EVIDENCE.size()
                && read.get("destructions").valueStream()
                        .allMatch(destruction -> destruction.get("state").asString().equals("SCHEDULED")));

        run = purge();
        destroyed = bilan.schedule();
    }

    @Test
    void withoutTheBeneficiarysAgreementTheSynthesisIsDueAtTheActionsEnd() {
        assertThat(instant(due, "actionEndTime")).as(due.toString()).isEqualTo(actionEnd);
        assertThat(due.get("regime").asString()).isEqualTo("decret-2023-1350");
        assertThat(ConcludedBilan.synthesisDocuments(due)).as(due.toString()).hasSize(SYNTHESIS_ENTRIES)
                .anySatisfy(destruction -> assertThat(destruction.get("documentId").asString()).isEqualTo(pdf))
                .allSatisfy(destruction -> {
                    assertThat(destruction.get("kind").asString()).isEqualTo("SYNTHESIS_DOCUMENT");
                    assertThat(destruction.get("holder").asString()).isEqualTo("synthesis-service");
                    assertThat(destruction.get("state").asString()).isEqualTo("SCHEDULED");
                    assertThat(instant(destruction, "dueTime")).isEqualTo(actionEnd);
                    assertThat(destruction.get("ruleId").asString()).isEqualTo(END_OF_ACTION);
                    assertThat(destruction.get("legalSource").asString()).isEqualTo("Code du travail, art. R6313-7, al. 1");
                    assertThat(destruction.path("held").asBoolean(false)).isFalse();
                });
    }

    @Test
    void theProcessEvidenceIsKeptThreeYearsAndOutlivesThePurge() {
        Instant threeYearsOn = LocalDateTime.ofInstant(actionEnd, PARIS).plusYears(3).atZone(PARIS).toInstant();
        for (JsonNode schedule : List.of(due, destroyed)) {
            List<JsonNode> evidence = schedule.get("destructions").valueStream()
                    .filter(destruction -> PROCESS_EVIDENCE.containsValue(destruction.get("kind").asString())).toList();
            assertThat(evidence).as(schedule.toString()).hasSize(PROCESS_EVIDENCE.size()).allSatisfy(destruction -> {
                assertThat(destruction.get("kind").asString())
                        .isEqualTo(PROCESS_EVIDENCE.get(destruction.get("holder").asString()));
                assertThat(destruction.get("state").asString()).isEqualTo("SCHEDULED");
                assertThat(instant(destruction, "dueTime")).isEqualTo(threeYearsOn);
                assertThat(destruction.get("ruleId").asString()).isEqualTo("process-evidence");
                assertThat(destruction.get("legalSource").asString()).contains("L6362-6");
            });
        }
    }

    @Test
    void thePurgeTookThePdfOutOfTheRealBucket() throws Exception {
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("destroyedCount").asLong()).as(run.toString()).isGreaterThanOrEqualTo(SYNTHESIS_ENTRIES);
        assertThat(run.path("failedCount").asLong(0)).as(run.toString()).isZero();

        assertThat(bilan.storedObjects()).isEmpty();
    }

    @Test
    void theScheduleShowsItDestroyedByTheRun() {
        Instant start = instant(run, "startTime");
        Instant end = instant(run, "endTime");

        assertThat(ConcludedBilan.synthesisDocuments(destroyed)).as(destroyed.toString())
                .hasSize(SYNTHESIS_ENTRIES)
                .allSatisfy(destruction -> {
                    assertThat(destruction.get("state").asString()).isEqualTo("DESTROYED");
                    assertThat(instant(destruction, "destroyTime")).isBetween(start, end);
                    assertThat(instant(destruction, "dueTime")).isEqualTo(actionEnd);
                    assertThat(destruction.get("ruleId").asString()).isEqualTo(END_OF_ACTION);
                });
    }

    @Test
    void theBeneficiaryIsToldTheSynthesisWasDestroyed() throws Exception {
        HttpResponse<byte[]> refused = bilan.download(bilan.beneficiary());

        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(refused.statusCode()).as(body).isEqualTo(400);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("code").asString()).isEqualTo("FAILED_PRECONDITION");
        assertThat(problem.get("detail").asString()).contains("ont été détruits");
    }

    @Test
    void theCentresCertificatesProveItAndStayIntact() throws Exception {
        String auditor = RealServers.token(KEYCLOAK, "auditor");
        String certificates = "/api/v1/centres/" + CENTRE + "/destructionCertificates";
        HttpResponse<String> export = send(auditor, "GET", certificates + ":export?startTime="
                + run.get("startTime").asString(), null);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        List<JsonNode> certified = export.body().lines().map(JSON::readTree)
                .filter(line -> line.get("record").asString().equals("certificate")
                        && line.get("runId").asString().equals(run.get("id").asString()))
                .toList();
        JsonNode destroyedPdf = destroyed.get("destructions").valueStream()
                .filter(destruction -> destruction.get("documentId").asString().equals(pdf)).findFirst().orElseThrow();

        // one certificate for every document the run destroyed, the PDF's found by its identity
        assertThat(certified).as(export.body()).hasSize(run.get("destroyedCount").asInt());
        String pdfHash = documentHash(pdf, ConcludedBilan.BUCKET, objectKey);
        JsonNode certificate = single(certified.stream()
                .filter(line -> line.get("documentHash").asString().equals(pdfHash)).toList(), export.body());
        assertThat(certificate.get("kind").asString()).isEqualTo("SYNTHESIS_DOCUMENT");
        assertThat(certificate.get("ruleId").asString()).isEqualTo(END_OF_ACTION);
        assertThat(instant(certificate, "dueAt")).isEqualTo(actionEnd);
        assertThat(instant(certificate, "destroyedAt")).isEqualTo(instant(destroyedPdf, "destroyTime"));
        // the chain an auditor verifies is intact, and reaches it
        JsonNode verified = ok(send(auditor, "GET", certificates + ":verify", null));
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("count").asLong()).isGreaterThanOrEqualTo(certificate.get("sequence").asLong());
    }

    /**
     * A certificate's {@code documentHash}, as an auditor rebuilds it: the SHA-256 of the registry
     * id, bucket and object key, each written as its length in UTF-8 bytes, ':', itself and a new line.
     */
    private static String documentHash(String... identity) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String value : identity) {
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A time {@code node} gives, to the millisecond: what MongoDB keeps of it. */
    private static Instant instant(JsonNode node, String field) {
        assertThat(node.has(field)).as(field + " in " + node).isTrue();
        return Instant.parse(node.get(field).asString()).truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> T single(List<T> found, Object context) {
        assertThat(found).as(String.valueOf(context)).hasSize(1);
        return found.get(0);
    }
}
