package fr.bilan.beneficiary.agreement;

import static fr.bilan.beneficiary.StatusAssertions.reason;
import static fr.bilan.beneficiary.StatusAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.api.HttpBody;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.beneficiary.FakeDocumentRendering;
import fr.bilan.beneficiary.FakeDocumentRendering.Rendering;
import fr.bilan.beneficiary.agreement.AgreementGrpcServiceTest.Case;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;

/**
 * The agreement's PDF: for whoever may read the agreement, rendered by synthesis-service (stood in
 * for on the same port) as the platform itself, with the employee's name from this service's own
 * store; refusals of the renderer come back as the contract says.
 */
class AgreementDocumentTest extends BeneficiaryServiceTestSupport {

    @Autowired
    private ServiceToken serviceToken;

    @BeforeEach
    void fetchTheServiceToken() {
        // the first fetch takes seconds on a cold JVM, eaten from the first call's deadline
        serviceToken.accessToken();
    }

    private static GetAgreementDocumentRequest document(Agreement agreement) {
        return GetAgreementDocumentRequest.newBuilder().setId(agreement.getId()).build();
    }

    @Test
    void theEmployeeAndTheCentreStaffGetThePdfRenderedByThePlatform() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement draft = bilan.draft();

        for (String reader : List.of(beneficiaryLogin(bilan.employee().getAccountId()), consultant(), manager())) {
            HttpBody pdf = agreements(reader).getAgreementDocument(document(draft)).getBody();
            assertThat(pdf.getContentType()).isEqualTo("application/pdf");
            assertThat(pdf.getData().toByteArray()).isEqualTo(FakeDocumentRendering.PDF);
        }

        List<Rendering> renderings = FakeDocumentRendering.renderingsOf(draft.getId());
        assertThat(renderings).hasSize(3).allSatisfy(rendering -> {
            // the platform asked, not the reader: synthesis-service renders for platform services only
            assertThat(rendering.caller().subject()).isEqualTo(TestIdentityProvider.SERVICE_ACCOUNT);
            assertThat(rendering.caller().hasRole(Role.PLATFORM_SERVICE)).isTrue();
            assertThat(rendering.request().getParties().getEmployeeName()).isEqualTo("Élodie Durand");
            assertThat(rendering.request().getAgreement()).isEqualTo(agreements(manager())
                    .getAgreement(GetAgreementRequest.newBuilder().setId(draft.getId()).build()).getAgreement());
        });
        assertThat(accessesTo("agreements/" + draft.getId())).containsSubsequence("agreement.create",
                "agreement.get-document", "agreement.get-document", "agreement.get-document");
    }

    @Test
    void outsidersAreRefusedBeforeAnythingIsRendered() {
        Agreement draft = AgreementGrpcServiceTest.drafted().draft();
        String colleague = TestIdentityProvider.token("consultant-2", List.of(CENTRE), "consultant");
        String consultantElsewhere = TestIdentityProvider.token("consultant-paris", List.of("centre-paris"), "consultant");

        for (String outsider : List.of(consultantElsewhere, colleague, managerElsewhere(),
                beneficiaryLogin("beneficiary-someone-else"))) {
            assertThat(codeOf(() -> agreements(outsider).getAgreementDocument(document(draft))))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        for (String roleNotNamed : List.of("auditor", "platform-service", "employer")) {
            String token = TestIdentityProvider.token("someone", List.of(CENTRE), roleNotNamed);
            assertThat(codeOf(() -> agreements(token).getAgreementDocument(document(draft)))).as(roleNotNamed)
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> agreements(manager()).getAgreementDocument(GetAgreementDocumentRequest.newBuilder()
                .setId("no-such-agreement").build()))).isEqualTo(Status.Code.NOT_FOUND);

        assertThat(FakeDocumentRendering.renderingsOf(draft.getId())).isEmpty();
        assertThat(accessesTo("agreements/" + draft.getId())).doesNotContain("agreement.get-document");
    }

    @Test
    void theRenderersRefusalsComeBackAsTheContractSays() {
        Agreement unconfigured = AgreementGrpcServiceTest.drafted().draft();
        Agreement unreachable = AgreementGrpcServiceTest.drafted().draft();
        Agreement tooSlow = AgreementGrpcServiceTest.drafted().draft();
        Agreement broken = AgreementGrpcServiceTest.drafted().draft();
        String noIdentity = "L'identité du centre centre-lyon (raison sociale, NDA) n'est pas configurée.";
        FakeDocumentRendering.failWith(unconfigured.getId(), Status.FAILED_PRECONDITION.withDescription(noIdentity));
        FakeDocumentRendering.failWith(unreachable.getId(), Status.UNAVAILABLE.withDescription("io exception"));
        FakeDocumentRendering.failWith(tooSlow.getId(), Status.DEADLINE_EXCEEDED);
        FakeDocumentRendering.failWith(broken.getId(), Status.INTERNAL.withDescription("NullPointerException in font"));
        var staff = agreements(manager());

        assertThat(refusal(() -> staff.getAgreementDocument(document(unconfigured)))).isEqualTo(noIdentity);
        assertThat(reason(Status.Code.UNAVAILABLE, () -> staff.getAgreementDocument(document(unreachable))))
                .isEqualTo(AgreementDocuments.UNAVAILABLE)
                .startsWith("Le service de génération des documents est momentanément indisponible");
        assertThat(reason(Status.Code.UNAVAILABLE, () -> staff.getAgreementDocument(document(tooSlow))))
                .isEqualTo(AgreementDocuments.UNAVAILABLE);
        // the renderer's internals stay there
        assertThat(reason(Status.Code.INTERNAL, () -> staff.getAgreementDocument(document(broken))))
                .doesNotContain("NullPointerException");
    }

    @Test
    void withoutCredentialsOfItsOwnTheServiceSaysSoAndCallsNobody() {
        var nowhere = ManagedChannelBuilder.forAddress("127.0.0.1", 1).usePlaintext().build();
        try {
            var documents = new AgreementDocuments(DocumentRenderingServiceGrpc.newBlockingStub(nowhere), null,
                    java.time.Duration.ofSeconds(1));

            assertThat(reason(Status.Code.UNAVAILABLE, () -> documents.render(Agreement.getDefaultInstance(), "Élodie")))
                    .isEqualTo(AgreementDocuments.NO_CREDENTIALS).contains("bilan.oidc.client-secret");
        } finally {
            nowhere.shutdownNow();
        }
    }
}
