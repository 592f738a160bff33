package fr.bilan.synthesis.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;
import com.google.type.Date;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.synthesis.internal.v1.AgreementParties;
import fr.bilan.proto.synthesis.internal.v1.AuditPack;
import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.proto.synthesis.internal.v1.AuditPackTotals;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentResponse;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackResponse;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.synthesis.SynthesisServiceTestSupport;
import io.grpc.Status;

/** The agreement's and the audit pack's PDF over gRPC: for platform services only, rendered with the centre's identity. */
class DocumentRenderingGrpcTest extends SynthesisServiceTestSupport {

    private static final RenderAgreementDocumentRequest REQUEST = RenderAgreementDocumentRequest.newBuilder()
            .setAgreement(Agreement.newBuilder().setId("agreement-1").setCentreId(CENTRE)
                    .setTitle("Bilan de compétences").setObjective("Construire un projet professionnel")
                    .setContent("Trois phases").setMeans("Entretiens individuels").setDurationHours(24)
                    .setConductAndFollowUp("Séances de deux heures").setResultsHandover("Remise en main propre")
                    .setPriceCents(160000).setPaymentTerms("À réception de facture"))
            .setParties(AgreementParties.newBuilder().setEmployeeName("Élodie Marchand"))
            .build();

    @Test
    void aPlatformServiceGetsThePdfWithTheCentresIdentity() throws Exception {
        RenderAgreementDocumentResponse answer = rendering(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)).renderAgreementDocument(REQUEST);

        assertThat(answer.getDocument().getContentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.getDocument().getData().toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Élodie Marchand", "Centre de bilans de Lyon", "82690000069");
        }
    }

    @Test
    void nobodyElseCallsIt() {
        for (String token : List.of(TestIdentityProvider.token("consultant-1", List.of(CENTRE), "consultant"),
                manager())) {
            assertThat(codeOf(() -> rendering(token).renderAgreementDocument(REQUEST)))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void aCentreWithoutIdentityIsARefusalThatSaysWhatIsMissing() {
        var request = REQUEST.toBuilder().setAgreement(REQUEST.getAgreement().toBuilder().setCentreId("centre-inconnu"))
                .build();

        assertThat(codeOf(() -> rendering(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE)).renderAgreementDocument(request)))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    private static final RenderAuditPackRequest PACK = RenderAuditPackRequest.newBuilder().setPack(AuditPack.newBuilder()
            .setCentreId(CENTRE).setStartDate(Date.newBuilder().setYear(2026).setMonth(1).setDay(1))
            .setEndDate(Date.newBuilder().setYear(2026).setMonth(12).setDay(31)).setTimeZone("Europe/Paris")
            .setGenerateTime(Timestamp.newBuilder().setSeconds(1_800_000_000L))
            .addBilans(AuditPackBilan.newBuilder().setPseudonym("B-0123456789").setOutcome("Terminé"))
            .setTotals(AuditPackTotals.newBuilder().setBilans(1).setCompleted(1)))
            .build();

    @Test
    void aPlatformServiceGetsTheAuditPacksPdf() throws Exception {
        RenderAuditPackResponse answer = rendering(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE)).renderAuditPack(PACK);

        assertThat(answer.getDocument().getContentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.getDocument().getData().toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Dossier d'audit qualité", "B-0123456789",
                    "Centre de bilans de Lyon");
        }
    }

    @Test
    void nobodyElseHasAnAuditPackRendered() {
        for (String token : List.of(TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"), manager())) {
            assertThat(codeOf(() -> rendering(token).renderAuditPack(PACK))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void aPackWithoutItsPeriodOrZoneIsRefusedNamingTheFields() {
        var request = PACK.toBuilder().setPack(PACK.getPack().toBuilder().clearEndDate().setTimeZone("Lune/Tranquillité"))
                .build();

        assertThat(FieldErrors.fieldsOf(() -> rendering(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE)).renderAuditPack(request))).containsExactly("pack.end_date",
                        "pack.time_zone");
    }

    private static DocumentRenderingServiceGrpc.DocumentRenderingServiceBlockingStub rendering(String token) {
        return DocumentRenderingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }
}
