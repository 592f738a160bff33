package fr.bilan.quality.auditpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.google.api.HttpBody;
import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.quality.v1.AuditPackServiceGrpc;
import fr.bilan.proto.quality.v1.ExportAuditPackRequest;
import fr.bilan.proto.quality.v1.GetAuditPackDocumentRequest;
import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackRequest;
import fr.bilan.quality.QualityApplication;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.bilan.Pseudonym;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/**
 * The audit pack over gRPC, on the service with its real MongoDB stand-in, the collections seeded in the
 * shapes their writers keep (COMMON-23), and synthesis-service's renderer stood in for on the same port:
 * who reads which centre's pack, what it holds and leaves out, and the periods refused.
 */
@SpringBootTest(classes = { QualityApplication.class, TestClock.class, SynthesisRenderingStandIn.class },
        properties = { "spring.grpc.client.channel.synthesis.target=127.0.0.1:${spring.grpc.server.port}",
            "bilan.oidc.client-secret=test-only-service-secret", "bilan.oidc.token-uri=${bilan.oidc.issuer}/token" })
class AuditPackGrpcTest extends GrpcServiceTestSupport {

    private static final String LYON = "centre-audit-lyon";
    private static final String PARIS = "centre-audit-paris";
    private static final String ANSWER_TEXT = "Ma consultante a été formidable";
    private static final Timestamp START = time("2025-12-31T23:00:00Z");
    private static final Timestamp END = time("2026-12-31T23:00:00Z");
    private static final ExportAuditPackRequest EXPORT = ExportAuditPackRequest.newBuilder().setCentreId(LYON)
            .setStartTime(START).setEndTime(END).build();
    private static final GetAuditPackDocumentRequest DOCUMENT = GetAuditPackDocumentRequest.newBuilder().setCentreId(LYON)
            .setStartTime(START).setEndTime(END).build();
    private static boolean seeded;

    @Autowired
    private BilanRecords records;

    @Autowired
    private MongoDatabase database;

    @BeforeAll
    static void noRenderingYet() {
        SynthesisRenderingStandIn.RENDERINGS.clear();
    }

    /** Lyon's year: completed, withdrawn, under way; one ended before, one started after; a Paris bilan. */
    @org.junit.jupiter.api.BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        records.record(bilan("a-completed", LYON, Outcome.COMPLETED, day(2026, 1, 12), day(2026, 3, 27),
                Instant.parse("2026-03-27T15:00:00Z"), day(2026, 1, 5)));
        records.record(bilan("a-withdrawn", LYON, Outcome.WITHDRAWN, day(2026, 2, 2), day(2026, 2, 20), null, null));
        records.record(bilan("a-under-way", LYON, Outcome.IN_PROGRESS, day(2026, 11, 9), null, null, day(2026, 11, 2)));
        records.record(bilan("a-before", LYON, Outcome.COMPLETED, day(2025, 3, 2), day(2025, 6, 30), null, null));
        records.record(bilan("a-after", LYON, Outcome.IN_PROGRESS, day(2027, 2, 1), null, null, null));
        records.record(bilan("a-paris", PARIS, Outcome.COMPLETED, day(2026, 1, 12), day(2026, 3, 27), null, null));
        database.getCollection("surveys").insertMany(List.of(
                new Document("_id", "s-1").append("assessmentId", "a-completed").append("centreId", LYON)
                        .append("kind", "END_OF_BILAN").append("state", "ANSWERED").append("questionnaireVersion", 3)
                        .append("sentTime", at("2026-03-27T16:00:00Z"))
                        .append("reminderTimes", List.of(at("2026-04-03T07:00:00Z")))
                        .append("answerTime", at("2026-04-04T22:30:00Z")).append("expireTime", at("2026-04-10T16:00:00Z"))
                        .append("satisfied", true).append("endDate", BilanRecordRepository.day(day(2026, 3, 27)))
                        .append("answers", List.of(new Document("question", "comment").append("text", ANSWER_TEXT))),
                new Document("_id", "s-2").append("assessmentId", "a-paris").append("centreId", PARIS)
                        .append("kind", "END_OF_BILAN").append("state", "SENT").append("sentTime", at("2026-03-28T08:00:00Z"))));
        database.getCollection("followUps").insertOne(new Document("_id", "a-completed").append("centreId", LYON)
                .append("state", "HELD").append("dueDate", BilanRecordRepository.day(day(2026, 9, 27)))
                .append("offerTime", at("2026-09-27T06:00:00Z")).append("answerChannel", "SURVEY_LINK")
                .append("answerTime", at("2026-09-29T10:00:00Z")).append("heldDate", BilanRecordRepository.day(day(2026, 10, 6)))
                .append("situation", "IN_TRAINING").append("actionPlanStarted", true)
                .append("endDate", BilanRecordRepository.day(day(2026, 3, 27))));
        database.getCollection("complaints").insertMany(List.of(
                new Document("_id", "c-1").append("centreId", LYON).append("assessmentId", "a-completed")
                        .append("complainant", "BENEFICIARY").append("channel", "EMAIL").append("topic", "ORGANISATION")
                        .append("summary", "Retard du consultant").append("requestKey", "manager:r-1")
                        .append("receivedDate", BilanRecordRepository.day(day(2026, 2, 3)))
                        .append("acknowledgedDate", BilanRecordRepository.day(day(2026, 2, 4)))
                        .append("answeredDate", BilanRecordRepository.day(day(2026, 2, 10))),
                new Document("_id", "c-2").append("centreId", LYON).append("assessmentId", null)
                        .append("complainant", "EMPLOYER").append("channel", "LETTER").append("topic", "BILLING")
                        .append("summary", "Facturation").append("requestKey", "manager:r-2")
                        .append("receivedDate", BilanRecordRepository.day(day(2026, 5, 3)))));
    }

    @Test
    void anAuditorOfTheCentreExportsALinePerBilanOfThePeriodUnderItsPseudonym() {
        List<HttpBody> chunks = drain(stub(auditor(LYON)).exportAuditPack(EXPORT));
        String csv = text(chunks);

        assertThat(chunks.get(0).getContentType()).isEqualTo("text/csv; charset=utf-8");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Bilan (pseudonyme);Convention signée le;Début;Fin;Issue;Motif de l'arrêt;");
        assertThat(lines.get(1)).startsWith(Pseudonym.of(LYON, "a-completed") + ";05/01/2026;12/01/2026;27/03/2026;Terminé;;")
                .contains(";27/03/2026;Répondue;27/03/2026;03/04/2026;05/04/2026;;", ";Tenu;27/09/2026;27/09/2026;29/09/2026;"
                        + "06/10/2026;En formation;1;03/02/2026;04/02/2026;10/02/2026");
        assertThat(lines.get(2)).startsWith(Pseudonym.of(LYON, "a-withdrawn") + ";;02/02/2026;20/02/2026;Arrêt anticipé;"
                + "Retrait à la demande du bénéficiaire;");
        assertThat(lines.get(3)).startsWith(Pseudonym.of(LYON, "a-under-way") + ";02/11/2026;09/11/2026;;En cours;;");
        // neither the ids, nor the people, nor an answer, nor the complaints' content
        assertThat(csv).doesNotContain("a-completed", "beneficiary-", "consultant-", ANSWER_TEXT, "Retard du consultant", Pseudonym.of(LYON, "a-before"), Pseudonym.of(LYON, "a-after"),
                Pseudonym.of(PARIS, "a-paris"));
    }

    @Test
    void aManagerOfTheCentreGetsThePdfRenderedBySynthesisServiceFromThePacksRows() {
        List<HttpBody> chunks = drain(stub(manager(LYON)).getAuditPackDocument(DOCUMENT));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks.get(0).getContentType()).isEqualTo("application/pdf");
        SynthesisRenderingStandIn.Rendering rendering = SynthesisRenderingStandIn.RENDERINGS.get(
                SynthesisRenderingStandIn.RENDERINGS.size() - 1);
        assertThat(bytes(chunks)).isEqualTo(SynthesisRenderingStandIn.pdfOf(rendering.request()));
        // the service's own token, not the manager's
        assertThat(rendering.caller().subject()).isEqualTo(TestIdentityProvider.SERVICE_ACCOUNT);
        RenderAuditPackRequest request = rendering.request();
        assertThat(request.getPack().getCentreId()).isEqualTo(LYON);
        assertThat(request.getPack().getTimeZone()).isEqualTo("Europe/Paris");
        assertThat(List.of(request.getPack().getStartDate().getDay(), request.getPack().getEndDate().getMonth(),
                request.getPack().getEndDate().getDay())).containsExactly(1, 12, 31);
        assertThat(request.getPack().getBilansList()).extracting(AuditPackBilan::getPseudonym).containsExactly(
                Pseudonym.of(LYON, "a-completed"), Pseudonym.of(LYON, "a-withdrawn"), Pseudonym.of(LYON, "a-under-way"));
        AuditPackBilan completed = request.getPack().getBilans(0);
        assertThat(completed.getSurveysList()).singleElement().satisfies(survey -> {
            assertThat(survey.getState()).isEqualTo("Répondue");
            // answered at 22:30 UTC on 4 April: the 5th in Paris
            assertThat(survey.getAnswerDate().getDay()).isEqualTo(5);
        });
        assertThat(completed.getFollowUp().getSituation()).isEqualTo("En formation");
        assertThat(completed.getComplaintsList()).singleElement()
                .satisfies(complaint -> assertThat(complaint.getAnsweredDate().getDay()).isEqualTo(10));
        assertThat(request.getPack().getBilans(1).getDropOutReason()).isEqualTo("Retrait à la demande du bénéficiaire");
        assertThat(request.getPack().getTotals().getBilans()).isEqualTo(3);
        assertThat(request.getPack().getTotals().getComplaints()).isEqualTo(1);
        assertThat(request.toString()).doesNotContain(ANSWER_TEXT, "a-completed", "Retard du consultant");
    }

    @Test
    void onlyTheCentresAuditorsAndManagersReadIt() {
        for (String token : List.of(auditor(PARIS), manager(PARIS),
                TestIdentityProvider.token("consultant-1", List.of(LYON), "consultant"),
                TestIdentityProvider.token("admin-1", List.of(LYON), "network-admin"),
                TestIdentityProvider.token("beneficiary-1", "beneficiary"))) {
            assertThat(codeOf(() -> drain(stub(token).exportAuditPack(EXPORT)))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> drain(stub(token).getAuditPackDocument(DOCUMENT))))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void aPeriodMissingReversedOrLongerThanThreeYearsIsRefusedNamingTheField() {
        assertThat(FieldErrors.fieldsOf(() -> drain(stub(auditor(LYON)).exportAuditPack(EXPORT.toBuilder()
                .clearStartTime().build())))).containsExactly("start_time");
        assertThat(FieldErrors.fieldsOf(() -> drain(stub(auditor(LYON)).exportAuditPack(EXPORT.toBuilder()
                .setEndTime(time("2025-06-30T22:00:00Z")).build())))).containsExactly("end_time");
        assertThat(FieldErrors.fieldsOf(() -> drain(stub(auditor(LYON)).getAuditPackDocument(DOCUMENT.toBuilder()
                .setStartTime(time("2022-12-31T23:00:00Z")).build())))).containsExactly("end_time");
        assertThat(FieldErrors.fieldsOf(() -> drain(stub(auditor(LYON)).getAuditPackDocument(DOCUMENT.toBuilder()
                .clearCentreId().build())))).containsExactly("centre_id");
    }

    private static String auditor(String centre) {
        return TestIdentityProvider.token("auditor-1", List.of(centre), "auditor");
    }

    private static String manager(String centre) {
        return TestIdentityProvider.token("manager-1", List.of(centre), "centre-manager");
    }

    private static AuditPackServiceGrpc.AuditPackServiceBlockingStub stub(String token) {
        return AuditPackServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    /** Every chunk of a download, as the gateway reads them. */
    private static <T> List<HttpBody> drain(Iterator<T> responses) {
        List<HttpBody> chunks = new ArrayList<>();
        responses.forEachRemaining(response -> chunks.add(response instanceof
                fr.bilan.proto.quality.v1.ExportAuditPackResponse export ? export.getBody()
                : ((fr.bilan.proto.quality.v1.GetAuditPackDocumentResponse) response).getBody()));
        return chunks;
    }

    private static byte[] bytes(List<HttpBody> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> out.writeBytes(chunk.getData().toByteArray()));
        return out.toByteArray();
    }

    private static String text(List<HttpBody> chunks) {
        return new String(bytes(chunks), StandardCharsets.UTF_8);
    }

    private static BilanRecord bilan(String id, String centre, Outcome outcome, LocalDate start, LocalDate end,
            Instant handover, LocalDate signed) {
        List<PhaseHours> phases = outcome == Outcome.COMPLETED
                ? List.of(new PhaseHours(Phase.PRELIMINARY, 240, 240, 2, 2, 0),
                        new PhaseHours(Phase.INVESTIGATION, 960, 900, 8, 7, 1),
                        new PhaseHours(Phase.CONCLUSION, 240, 240, 2, 2, 0))
                : List.of(new PhaseHours(Phase.PRELIMINARY, 240, 120, 2, 1, 1));
        return new BilanRecord(id, "beneficiary-" + id, centre, "consultant-1", outcome, start, end, handover, phases,
                end == null ? null : end.plusMonths(6), "EMPLOYER_PLAN", signed, null, null, 1);
    }

    private static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static Timestamp time(String instant) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
    }
}
