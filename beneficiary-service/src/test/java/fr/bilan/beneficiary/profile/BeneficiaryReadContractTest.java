package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.support.testing.BeneficiaryReadContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;

/** beneficiary-service keeps the contract the stand-ins of session- and synthesis-service's tests keep. */
@BeneficiaryServiceContext
class BeneficiaryReadContractTest extends BeneficiaryReadContract {

    /** Registered by their consultant, who is assigned at once, with a login of the identity provider. */
    @Override
    protected String newBeneficiary(String accountId, String consultantId) {
        String login = FakeKeycloakAdmin.beneficiaryLogin(accountId);
        return BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(consultantId, List.of(CENTRE), "consultant")))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(CENTRE).setGivenName("Élodie").setFamilyName("Durand")
                        .setEmail(login + "@example.fr").setAccountId(login)
                        .setEmploymentStatus(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE))
                        .build())
                .getBeneficiary().getId();
    }


    @Autowired
    private BeneficiaryRepository beneficiaries;

    /** The beneficiary is in beneficiary-service's own store, with the login created for it. */
    @Override
    protected void assertHeldHere(String id, String accountId) {
        assertThat(beneficiaries.findById(id)).hasValueSatisfying(beneficiary -> assertThat(
                beneficiary.profile().accountId()).isEqualTo(FakeKeycloakAdmin.beneficiaryLogin(accountId)));
    }
}
