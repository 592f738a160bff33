package fr.bilan.beneficiary.cpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfDossier;
import fr.bilan.proto.beneficiary.v1.CpfDossierServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierRequest;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.support.testing.CpfTrackingContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Channel;

/**
 * beneficiary-service keeps the contract session-service's and notification-service's stand-in
 * keeps: the fundings are made through its own API, the proposals read from the dossier itself.
 */
@BeneficiaryServiceContext
class CpfTrackingContractTest extends CpfTrackingContract {

    private static final String CENTRE = "centre-lyon";

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of(CENTRE), "consultant");
    }

    @Override
    protected Channel cpfTracking() {
        return channel();
    }

    /** A CPF funding of a new beneficiary of centre Lyon: its dossier opens with it. */
    @Override
    protected String newCpfFunding() {
        String dossierNumber = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
        return newFunding(Funding.newBuilder().setPriceCents(180_000)
                .setCpf(CpfFunding.newBuilder().setDossierNumber(dossierNumber).setAmountCents(160_000)).build());
    }

    @Override
    protected String newOtherFunding() {
        return newFunding(Funding.newBuilder().setPriceCents(180_000).setSelfFunded(SelfFunding.getDefaultInstance())
                .build());
    }

    private static String newFunding(Funding funding) {
        String account = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        Beneficiary beneficiary = BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(CENTRE).setGivenName("Élodie").setFamilyName("Durand")
                        .setEmail(account + "@example.fr").setEmploymentStatus(EmploymentStatus.SELF_EMPLOYED)
                        .setAccountId(account))
                        .build())
                .getBeneficiary();
        return FundingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createFunding(CreateFundingRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).setFunding(funding)
                        .build())
                .getFunding().getId();
    }

    /** As the centre's staff read it. */
    private static CpfDossier dossier(String fundingId) {
        return CpfDossierServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getCpfDossier(GetCpfDossierRequest.newBuilder().setId(fundingId).build()).getDossier();
    }

    @Override
    protected void assertEntryProposed(String fundingId, LocalDate entryDate) {
        assertThat(dossier(fundingId).getEntryProposal().getEntryDate()).isEqualTo(ProtoDates.of(entryDate));
    }

    @Override
    protected void assertExitProposed(String fundingId, LocalDate exitDate, Duration delivered) {
        CpfDossier dossier = dossier(fundingId);
        assertThat(dossier.getExitProposal().getExitDate()).isEqualTo(ProtoDates.of(exitDate));
        assertThat(dossier.getExitProposal().getDelivered().getSeconds()).isEqualTo(delivered.toSeconds());
    }

    /** Two new CPF requests of centre Lyon: each must be answered within two working days. */
    @Override
    protected String centreWithDueDeadlines() {
        newCpfFunding();
        newCpfFunding();
        return CENTRE;
    }
}
