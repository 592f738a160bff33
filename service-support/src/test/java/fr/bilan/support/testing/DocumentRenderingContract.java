package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.synthesis.internal.v1.AgreementParties;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc.DocumentRenderingServiceBlockingStub;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentResponse;
import io.grpc.Status;

/**
 * What beneficiary-service counts on from synthesis-service's {@code DocumentRenderingService}
 * when it has a tripartite agreement rendered, whoever answers: the real renderer, or the stand-in
 * of beneficiary-service's tests. A stand-in passes the same tests: a platform service gets a PDF
 * of an agreement of {@link #CENTRE}; a person is refused.
 */
public abstract class DocumentRenderingContract extends GrpcServiceTestSupport {

    /** A centre whose identity (name, address, declaration number) the renderer knows. */
    protected static final String CENTRE = "centre-lyon";

    private static final RenderAgreementDocumentRequest REQUEST = RenderAgreementDocumentRequest.newBuilder()
            .setAgreement(Agreement.newBuilder().setId("agreement-contract").setCentreId(CENTRE)
                    .setTitle("Bilan de compétences").setObjective("Construire un projet professionnel")
                    .setContent("Trois phases").setMeans("Entretiens individuels").setDurationHours(24)
                    .setConductAndFollowUp("Séances de deux heures").setResultsHandover("Remise en main propre")
                    .setPriceCents(160000).setPaymentTerms("À réception de facture"))
            .setParties(AgreementParties.newBuilder().setEmployeeName("Élodie Marchand"))
            .build();

    private static DocumentRenderingServiceBlockingStub as(String token) {
        return DocumentRenderingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    @Test
    void aPlatformServiceGetsAPdf() {
        RenderAgreementDocumentResponse answer = as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE)).renderAgreementDocument(REQUEST);

        assertThat(answer.getDocument().getContentType()).isEqualTo("application/pdf");
        assertThat(answer.getDocument().getData().toString(StandardCharsets.US_ASCII)).startsWith("%PDF-");
    }

    /**
     * Checks that the implementation under test made {@code pdf}, the answer to a rendering of the
     * agreement {@code agreementId}: not some other renderer reached by mistake.
     */
    protected abstract void assertRenderedHere(String agreementId, byte[] pdf);

    @Test
    void theRendererUnderTestIsTheOneThatAnswers() {
        RenderAgreementDocumentResponse answer = as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE)).renderAgreementDocument(REQUEST);

        assertRenderedHere(REQUEST.getAgreement().getId(), answer.getDocument().getData().toByteArray());
    }

    @Test
    void aPersonIsRefused() {
        for (String token : List.of(TestIdentityProvider.token("consultant-1", List.of(CENTRE), "consultant"),
                TestIdentityProvider.token("manager-1", List.of(CENTRE), "centre-manager"),
                TestIdentityProvider.token("beneficiary-1", "beneficiary"))) {
            assertThat(codeOf(() -> as(token).renderAgreementDocument(REQUEST))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }
}
