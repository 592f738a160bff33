package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.support.testing.AssessmentReadContract;

/**
 * The stand-in for session-service keeps the contract the real one keeps (session-service runs
 * {@link AssessmentReadContract} too): what synthesis-service's tests show of session-service's
 * answers holds of the real one. Served behind synthesis-service's real token and contract checks.
 */
@SpringBootTest(classes = { SynthesisApplication.class, FakeSessionService.class })
class FakeSessionServiceContractTest extends AssessmentReadContract {

    @Override
    protected String newBilan(String consultantId, String beneficiaryAccountId) {
        String id = UUID.randomUUID().toString();
        FakeSessionService.register(Assessment.newBuilder().setId(id).setBeneficiaryId(UUID.randomUUID().toString())
                .setCentreId(CENTRE).setConsultantId(consultantId).build(), beneficiaryAccountId);
        return id;
    }


    /** The fake holds the bilan it was given. */
    @Override
    protected void assertHeldHere(String id, String consultantId) {
        assertThat(FakeSessionService.registered(id)).hasValueSatisfying(
                assessment -> assertThat(assessment.getConsultantId()).isEqualTo(consultantId));
    }
}
