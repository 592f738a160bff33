package fr.bilan.beneficiary.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfDossierServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierRequest;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.support.testing.ContentHolderContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/** beneficiary-service keeps the contract of a holder of content, as retention-service's stand-in for it does. */
@BeneficiaryServiceContext
class AgreementHolderContractTest extends ContentHolderContract {

    private final Map<String, String> agreementOfFunding = new ConcurrentHashMap<>();

    @Override
    protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider
                .token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A redeployment leave and its draft agreement. */
    @Override
    protected EraseAssessmentContentRequest contentHeld() {
        AgreementGrpcServiceTest.Case drafted = AgreementGrpcServiceTest.drafted();
        agreementOfFunding.put(drafted.funding().getId(), drafted.draft().getId());
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-of-" + drafted.funding().getId())
                .setFundingId(drafted.funding().getId()).build();
    }

    /** Whether a manager of its centre still reads the agreement. */
    @Override
    protected boolean stillHeld(EraseAssessmentContentRequest content) {
        String token = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        return codeOf(() -> AgreementServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS).getAgreement(GetAgreementRequest.newBuilder()
                        .setId(agreementOfFunding.get(content.getFundingId())).build())) == Status.Code.OK;
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    /** The CPF funding of a new self-employed beneficiary of Lyon, which opens its CPF dossier (no agreement). */
    private static Funding cpfFunding() {
        String account = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        Beneficiary beneficiary = BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(consultant())).withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId("centre-lyon").setGivenName("Élodie").setFamilyName("Durand")
                        .setEmail(account + "@example.fr").setEmploymentStatus(EmploymentStatus.SELF_EMPLOYED)
                        .setAccountId(account)).build())
                .getBeneficiary();
        return FundingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS).createFunding(CreateFundingRequest.newBuilder()
                        .setBeneficiaryId(beneficiary.getId()).setFunding(Funding.newBuilder().setPriceCents(180_000)
                                .setCpf(CpfFunding.newBuilder().setDossierNumber("12345678901")
                                        .setAmountCents(160_000)))
                        .build())
                .getFunding();
    }

    private static Status.Code readDossier(Funding funding) {
        return codeOf(() -> CpfDossierServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getCpfDossier(GetCpfDossierRequest.newBuilder().setId(funding.getId()).build()));
    }

    @Test
    void theFundingsCpfDossierIsDestroyedWithItsEvidenceAndCountedOnce() {
        Funding cpf = cpfFunding();
        Funding other = cpfFunding();
        var content = EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-of-" + cpf.getId())
                .setFundingId(cpf.getId()).build();
        assertThat(readDossier(cpf)).isEqualTo(Status.Code.OK);

        // no agreement for a CPF funding: its dossier is the one record erased, then none
        assertThat(holder().eraseAssessmentContent(content).getErasedRecords()).isEqualTo(1);
        assertThat(holder().eraseAssessmentContent(content).getErasedRecords()).isZero();

        assertThat(readDossier(cpf)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(readDossier(other)).isEqualTo(Status.Code.OK);
    }

    @Test
    void onlyThePlatformsOwnServicesMayAskForAnErasure() {
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        var asAPerson = DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(codeOf(() -> asAPerson.eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("any").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
