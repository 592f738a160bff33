package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.support.testing.BeneficiaryReadContract;

/**
 * The stand-in for beneficiary-service keeps the contract the real one keeps (beneficiary-service
 * runs {@link BeneficiaryReadContract} too), behind synthesis-service's real token and contract checks.
 */
@SpringBootTest(classes = { SynthesisApplication.class, FakeBeneficiaryService.class })
class FakeBeneficiaryServiceContractTest extends BeneficiaryReadContract {

    @Override
    protected String newBeneficiary(String accountId, String consultantId) {
        String id = UUID.randomUUID().toString();
        FakeBeneficiaryService.register(Beneficiary.newBuilder().setId(id).setCentreId(CENTRE).setAccountId(accountId)
                .addConsultantIds(consultantId).build());
        return id;
    }


    /** The fake holds the beneficiary it was given. */
    @Override
    protected void assertHeldHere(String id, String accountId) {
        assertThat(FakeBeneficiaryService.registered(id)).hasValueSatisfying(
                beneficiary -> assertThat(beneficiary.getAccountId()).isEqualTo(accountId));
    }
}
