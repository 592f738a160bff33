package fr.bilan.synthesis.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.api.HttpBody;
import com.google.protobuf.Message;
import com.google.rpc.PreconditionFailure;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.proto.beneficiary.v1.Recipient;
import fr.bilan.proto.beneficiary.v1.RecipientKind;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.HourSummary;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.PhaseHours;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SessionStatus;
import fr.bilan.proto.synthesis.v1.CreateSynthesisShareRequest;
import fr.bilan.proto.synthesis.v1.DownloadSharedSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.GetSynthesisRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsResponse;
import fr.bilan.proto.synthesis.v1.RevisionAuthor;
import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.SynthesisSection;
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.proto.synthesis.v1.SynthesisShare;
import fr.bilan.proto.synthesis.v1.SynthesisState;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisObservationsRequest;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisRequest;
import fr.bilan.synthesis.FakeBeneficiaryService;
import fr.bilan.synthesis.FakeSessionService;
import fr.bilan.synthesis.SynthesisServiceTestSupport;
import fr.bilan.synthesis.content.ContentLimits;
import fr.bilan.proto.audit.v1.AccessOutcome;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.support.hash.Sha256;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.FakeRetention.Call;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.minio.GetObjectArgs;

class SynthesisGrpcTest extends SynthesisServiceTestSupport {

    private static final String CEP = "Conseillère CEP — Apec Lyon";

    @Autowired
    private ObjectStorage storage;

    @Test
    void aBilanWithNothingWrittenHasAnEmptyDraftThatNamesEverythingStillMissing() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);

        Synthesis synthesis = get(bilan.consultantToken(), bilan);

        assertThat(synthesis.getState()).isEqualTo(SynthesisState.DRAFT);
        assertThat(synthesis.getRevision()).isZero();
        assertThat(synthesis.getMissingSectionsList()).containsExactly(SynthesisSection.REQUEST_CONTEXT,
                SynthesisSection.CAREER_PATH, SynthesisSection.SKILLS, SynthesisSection.INTERESTS,
                SynthesisSection.MAIN_PROJECT, SynthesisSection.CONDITIONS_AND_MEANS, SynthesisSection.ACTION_PLAN,
                SynthesisSection.FOLLOW_UP);
    }

    @Test
    void theConsultantWritesSectionBySectionAndTheBeneficiaryReadsTheDraft() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        SynthesisContent full = fullContent();

        Synthesis first = save(bilan, SynthesisContent.newBuilder().setRequestContext(full.getRequestContext()).build(),
                "", List.of("content.request_context"));
        Synthesis second = save(bilan, SynthesisContent.newBuilder().setSkills(full.getSkills()).build(),
                first.getEtag(), List.of("content.skills"));

        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getContent().getRequestContext()).isEqualTo(full.getRequestContext());
        assertThat(second.getContent().getSkills()).isEqualTo(full.getSkills());
        assertThat(second.getMissingSectionsList()).doesNotContain(SynthesisSection.REQUEST_CONTEXT,
                SynthesisSection.SKILLS);
        assertThat(get(bilan.beneficiaryToken(), bilan).getContent()).isEqualTo(second.getContent());
    }

    @Test
    void nobodyButTheBeneficiaryAndTheConsultantReadsIt() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        save(bilan, fullContent(), "", List.of());
        TestBilan other = newBilan(AssessmentState.INVESTIGATION);

        // session-service lets the centre's manager read the bilan; the synthèse is still not theirs
        assertThat(refusal(() -> get(manager(), bilan)).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refusal(() -> get(other.consultantToken(), bilan)).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refusal(() -> get(other.beneficiaryToken(), bilan)).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // the contract keeps the beneficiary from writing the consultant's text
        assertThat(refusal(() -> syntheses(bilan.beneficiaryToken()).updateSynthesis(UpdateSynthesisRequest.newBuilder()
                .setSynthesis(Synthesis.newBuilder().setAssessmentId(bilan.id()).setContent(fullContent())).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        // the accesses reach the beneficiary's own access log, kept by beneficiary-service (the refusals
        // above were made before any synthèse was reached: by the contract's roles, or by session-service)
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(TestAccessRegister.of(bilan.beneficiaryId()))
                .extracting(AccessRecord::getOperation, AccessRecord::getOutcome, AccessRecord::getService)
                .contains(org.assertj.core.groups.Tuple.tuple("synthesis.update", AccessOutcome.GRANTED,
                        "synthesis-service")));
    }

    @Test
    void theTextIsStoredSealedNotInTheClear() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        save(bilan, fullContent(), "", List.of());

        Document stored = database.getCollection("syntheses").find(Filters.eq("_id", bilan.id())).first();

        assertThat(stored.toJson()).doesNotContain("restructuration").doesNotContain("Comptabilité");
    }

    @Test
    void aStaleEtagIsRefusedAndTheSaveLost() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        Synthesis first = save(bilan, fullContent(), "", List.of());
        save(bilan, fullContent().toBuilder().setCareerPath("Autre parcours").build(), first.getEtag(), List.of());

        StatusRuntimeException stale = refusal(() -> save(bilan, fullContent(), first.getEtag(), List.of()));

        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(get(bilan.consultantToken(), bilan).getContent().getCareerPath()).isEqualTo("Autre parcours");
    }

    @Test
    void aSectionThatIsNoSectionAndTooLongATextAreNamed() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);

        StatusRuntimeException mask = refusal(() -> save(bilan, fullContent(), "", List.of("content.salary")));
        StatusRuntimeException tooLong = refusal(() -> save(bilan, SynthesisContent.newBuilder()
                .setCareerPath("x".repeat(ContentLimits.MAX_TEXT + 1)).build(), "", List.of()));

        assertThat(mask.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(tooLong.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(tooLong).toString()).contains("synthesis.content.career_path");
    }

    @Test
    void everyRevisionStaysReadableNewestFirstAcrossPages() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        String etag = "";
        for (int i = 1; i <= 3; i++) {
            etag = save(bilan, SynthesisContent.newBuilder().setCareerPath("Version " + i).build(), etag, List.of())
                    .getEtag();
        }
        syntheses(bilan.beneficiaryToken()).updateSynthesisObservations(UpdateSynthesisObservationsRequest.newBuilder()
                .setAssessmentId(bilan.id()).setObservations("Je souhaite préciser mon projet <b>alternatif</b>.")
                .setEtag(etag).build());

        ListSynthesisRevisionsResponse firstPage = syntheses(bilan.consultantToken()).listSynthesisRevisions(
                ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id()).setPageSize(3).build());
        ListSynthesisRevisionsResponse secondPage = syntheses(bilan.consultantToken()).listSynthesisRevisions(
                ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id()).setPageSize(3)
                        .setPageToken(firstPage.getNextPageToken()).build());

        assertThat(firstPage.getRevisionsList()).extracting(r -> r.getRevision()).containsExactly(4L, 3L, 2L);
        assertThat(firstPage.getRevisions(0).getAuthor()).isEqualTo(RevisionAuthor.BENEFICIARY_AUTHOR);
        assertThat(firstPage.getRevisions(0).getBeneficiaryObservations()).contains("<b>alternatif</b>");
        assertThat(firstPage.getRevisions(1).getContent().getCareerPath()).isEqualTo("Version 3");
        assertThat(secondPage.getRevisionsList()).extracting(r -> r.getContent().getCareerPath())
                .containsExactly("Version 1");
        assertThat(secondPage.getNextPageToken()).isEmpty();
    }

    @Test
    void onlyTheBeneficiaryWritesObservationsAndOnlyOnAProposedDraft() {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);

        StatusRuntimeException nothingYet = refusal(() -> observe(bilan, "Trop tôt"));
        save(bilan, fullContent(), "", List.of());
        StatusRuntimeException consultant = refusal(() -> syntheses(bilan.consultantToken())
                .updateSynthesisObservations(UpdateSynthesisObservationsRequest.newBuilder().setAssessmentId(bilan.id())
                        .setObservations("Pas moi").build()));

        assertThat(nothingYet.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(consultant.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(observe(bilan, "Je suis d'accord.").getBeneficiaryObservations()).isEqualTo("Je suis d'accord.");
    }

    @Test
    void finalisingSaysWhichSectionsAreMissing() {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        save(bilan, fullContent().toBuilder().clearActionPlan().setConditionsAndMeans("").build(), "", List.of());

        StatusRuntimeException refused = refusal(() -> finalize(bilan));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).isEqualTo("Avant de finaliser la synthèse, complétez : les "
                + "conditions et moyens de réalisation, le plan d'action (étapes, échéances et dates).");
        PreconditionFailure failure = FieldErrors.detail(refused, PreconditionFailure.class);
        assertThat(failure.getViolationsList()).extracting(PreconditionFailure.Violation::getSubject)
                .containsExactly("CONDITIONS_AND_MEANS", "ACTION_PLAN");
    }

    @Test
    void finalisingWaitsForTheConclusionPhase() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        save(bilan, fullContent(), "", List.of());

        assertThat(refusal(() -> finalize(bilan)).getStatus().getDescription()).contains("phase de conclusion");
    }

    @Test
    void theFinalSynthesisIsStoredEncryptedRegisteredWithRetentionAndNoLongerChanges() throws Exception {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        save(bilan, fullContent(), "", List.of());

        Synthesis done = finalize(bilan);
        Synthesis again = finalize(bilan);

        assertThat(done.getState()).isEqualTo(SynthesisState.FINAL);
        assertThat(again).isEqualTo(done);
        byte[] pdf = download(syntheses(bilan.consultantToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(Sha256.hex(pdf)).isEqualTo(done.getDocument().getSha256());
        assertThat(done.getDocument().getSizeBytes()).isEqualTo(pdf.length);

        Document stored = database.getCollection("syntheses").find(Filters.eq("_id", bilan.id())).first();
        String objectKey = stored.get("document", Document.class).getString("objectKey");
        assertThat(objectKey).isEqualTo("assessments/" + bilan.id() + "/synthesis/"
                + objectKey.substring(objectKey.lastIndexOf('/') + 1)).doesNotContain("Marchand");
        try (var raw = storage.client().getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(objectKey)
                .build())) {
            byte[] sealed = raw.readAllBytes();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        }

        await().atMost(AT_MOST).until(() -> RETENTION.hasTakenIn(stored.get("document", Document.class).getString("eventId")));
        Call registered = RETENTION.callsFor(bilan.beneficiaryId()).stream().filter(Call::firstDelivery).findFirst()
                .orElseThrow();
        assertThat(registered.document().getAssessmentId()).isEqualTo(bilan.id());
        assertThat(registered.document().getCentreId()).isEqualTo(CENTRE);
        assertThat(registered.document().getSha256()).isEqualTo(done.getDocument().getSha256());
        assertThat(registered.document().getObjectKey()).isEqualTo(objectKey);

        StatusRuntimeException frozen = refusal(() -> save(bilan, fullContent(), done.getEtag(), List.of()));
        assertThat(frozen.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void theFinalPdfStatesTheBilansDatesAndHoursAsSessionServiceHasThem() throws Exception {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        FakeSessionService.register(Assessment.newBuilder().setId(bilan.id()).setBeneficiaryId(bilan.beneficiaryId())
                .setCentreId(CENTRE).setConsultantId(bilan.consultantId()).setState(AssessmentState.CONCLUSION)
                .setHours(HourSummary.newBuilder()
                        .addPhases(hours(Phase.INTAKE, 0, 60))
                        .addPhases(hours(Phase.PRELIMINARY_PHASE, 0, 6 * 60))
                        .addPhases(hours(Phase.INVESTIGATION_PHASE, 0, 12 * 60))
                        .addPhases(hours(Phase.CONCLUSION_PHASE, 2 * 60, 3 * 60 + 30))
                        .addPhases(hours(Phase.FOLLOW_UP_PHASE, 60, 0)))
                .build(), bilan.beneficiaryLogin(), List.of(
                        // the intake and a missed session come first, but do not start the action
                        session(Phase.INVESTIGATION_PHASE, "2026-10-05T08:00:00Z", SessionStatus.ATTENDED),
                        session(Phase.INTAKE, "2026-09-01T08:00:00Z", SessionStatus.ATTENDED),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-08T08:00:00Z", SessionStatus.ABSENT),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-14T08:00:00Z", SessionStatus.ATTENDED),
                        session(Phase.CONCLUSION_PHASE, "2026-12-20T08:00:00Z", SessionStatus.PLANNED)));
        save(bilan, fullContent(), "", List.of());
        finalize(bilan);

        byte[] pdf = download(syntheses(bilan.beneficiaryToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " "))
                    .containsSubsequence("Bénéficiaire : Élodie Marchand",
                            "Période du bilan : depuis le 14 septembre 2026, en cours à la date du document",
                            "Phase préliminaire Phase d'investigation Phase de conclusion Total",
                            "6 h 12 h 3 h 30 21 h 30");
        }
    }

    @Test
    void theBeneficiarysFirstDownloadIsTheHandOverReportedToSessionService() {
        TestBilan bilan = finalised();

        download(syntheses(bilan.consultantToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()));
        assertThat(get(bilan.consultantToken(), bilan).hasHandoverTime()).isFalse();

        byte[] pdf = download(syntheses(bilan.beneficiaryToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()));
        Synthesis handedOver = get(bilan.beneficiaryToken(), bilan);
        download(syntheses(bilan.beneficiaryToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()));

        assertThat(Sha256.hex(pdf)).isEqualTo(handedOver.getDocument().getSha256());
        assertThat(handedOver.hasHandoverTime()).isTrue();
        assertThat(get(bilan.beneficiaryToken(), bilan).getHandoverTime()).isEqualTo(handedOver.getHandoverTime());
        await().atMost(AT_MOST).until(() -> !FakeSessionService.handoversOf(bilan.id()).isEmpty());
        assertThat(FakeSessionService.handoversOf(bilan.id()).get(0).getHandoverTime())
                .isEqualTo(handedOver.getHandoverTime());
        assertThat(database.getCollection("access_records").countDocuments(Filters.and(
                Filters.eq("operation", "synthesis.download-document"), Filters.eq("beneficiaryId", bilan.beneficiaryId()))))
                .isEqualTo(3);
    }

    @Test
    void aShareNeedsACurrentConsentAndStopsWhenItIsWithdrawn() {
        TestBilan bilan = finalised();
        Recipient cep = Recipient.newBuilder().setKind(RecipientKind.CEP_ADVISOR).setName(CEP).build();

        StatusRuntimeException noConsent = refusal(() -> share(bilan, cep, ""));
        FakeBeneficiaryService.grantSharing(bilan.beneficiaryId(), CEP);
        SynthesisShare share = share(bilan, cep, "request-1");
        SynthesisShare retried = share(bilan, cep, "request-1");
        String token = share.getUrlPath().replace("/api/v1/synthesisShares/", "").replace("/document", "");

        assertThat(noConsent.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(share.getUrlPath()).matches("/api/v1/synthesisShares/[A-Za-z0-9_-]{43}/document");
        assertThat(retried.getId()).isEqualTo(share.getId());
        assertThat(retried.getUrlPath()).isEmpty();
        byte[] shared = download(anonymous().downloadSharedSynthesisDocument(
                DownloadSharedSynthesisDocumentRequest.newBuilder().setToken(token).build()));
        assertThat(Sha256.hex(shared)).isEqualTo(get(bilan.consultantToken(), bilan).getDocument().getSha256());
        assertThat(get(bilan.consultantToken(), bilan).hasHandoverTime()).isFalse();
        assertThat(database.getCollection("access_records").countDocuments(Filters.and(
                Filters.eq("operation", "synthesis.download-shared-synthesis-document"),
                Filters.eq("beneficiaryId", bilan.beneficiaryId())))).isEqualTo(1);

        FakeBeneficiaryService.withdrawSharing(bilan.beneficiaryId(), CEP);

        assertThat(refusal(() -> download(anonymous().downloadSharedSynthesisDocument(
                DownloadSharedSynthesisDocumentRequest.newBuilder().setToken(token).build()))).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anExpiredOrUnknownSharePathOpensNothing() {
        TestBilan bilan = finalised();
        Recipient cep = Recipient.newBuilder().setKind(RecipientKind.CEP_ADVISOR).setName(CEP).build();
        FakeBeneficiaryService.grantSharing(bilan.beneficiaryId(), CEP);
        SynthesisShare share = share(bilan, cep, "");
        String token = share.getUrlPath().replace("/api/v1/synthesisShares/", "").replace("/document", "");
        database.getCollection("synthesis_shares").updateOne(Filters.eq("_id", share.getId()),
                Updates.set("expireTime", new Date(System.currentTimeMillis() - 1000)));

        for (String path : List.of(token, "A".repeat(43), "not-a-token")) {
            assertThat(refusal(() -> download(anonymous().downloadSharedSynthesisDocument(
                    DownloadSharedSynthesisDocumentRequest.newBuilder().setToken(path).build()))).getStatus().getCode())
                    .isEqualTo(Status.Code.NOT_FOUND);
        }
    }

    private static Synthesis get(String token, TestBilan bilan) {
        return syntheses(token).getSynthesis(GetSynthesisRequest.newBuilder().setAssessmentId(bilan.id()).build())
                .getSynthesis();
    }

    private static Synthesis observe(TestBilan bilan, String observations) {
        return syntheses(bilan.beneficiaryToken()).updateSynthesisObservations(UpdateSynthesisObservationsRequest
                .newBuilder().setAssessmentId(bilan.id()).setObservations(observations).build()).getSynthesis();
    }

    private static SynthesisShare share(TestBilan bilan, Recipient recipient, String requestId) {
        return syntheses(bilan.beneficiaryToken()).createSynthesisShare(CreateSynthesisShareRequest.newBuilder()
                .setAssessmentId(bilan.id()).setShare(SynthesisShare.newBuilder().setRecipient(recipient))
                .setRequestId(requestId).build()).getShare();
    }

    private static SynthesisServiceGrpc.SynthesisServiceBlockingStub anonymous() {
        return SynthesisServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    /** The chunks of a streamed download, joined; the first one names the PDF type. */
    private static PhaseHours hours(Phase phase, int plannedMinutes, int attendedMinutes) {
        return PhaseHours.newBuilder().setPhase(phase)
                .setPlanned(com.google.protobuf.Duration.newBuilder().setSeconds(plannedMinutes * 60L))
                .setAttended(com.google.protobuf.Duration.newBuilder().setSeconds(attendedMinutes * 60L)).build();
    }

    private static Session session(Phase phase, String start, SessionStatus status) {
        return Session.newBuilder().setPhase(phase).setStatus(status)
                .setStartTime(ProtoTime.of(Instant.parse(start)))
                .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(3 * 3600)).build();
    }

    private static <T> byte[] download(Iterator<T> chunks) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        boolean first = true;
        while (chunks.hasNext()) {
            Message chunk = (Message) chunks.next();
            HttpBody body = (HttpBody) chunk.getField(chunk.getDescriptorForType().findFieldByName("body"));
            if (first) {
                assertThat(body.getContentType()).isEqualTo("application/pdf");
                first = false;
            }
            joined.writeBytes(body.getData().toByteArray());
        }
        return joined.toByteArray();
    }
}
