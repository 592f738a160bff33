package fr.bilan.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.support.testing.AssessmentReadContract;
import fr.bilan.support.testing.TestClock;

/** session-service keeps the contract synthesis-service's stand-in for it ({@code FakeSessionService}) keeps. */
@SessionServiceContext
class AssessmentReadContractTest extends AssessmentReadContract {

    @Autowired
    private TestClock clock;

    @BeforeEach
    void standStill() {
        clock.set(SessionServiceTestSupport.NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Opened by its consultant, as in session-service's own tests, for a beneficiary registered in beneficiary-service. */
    @Override
    protected String newBilan(String consultantId, String beneficiaryAccountId) {
        Beneficiary beneficiary = Beneficiary.newBuilder().setId(UUID.randomUUID().toString())
                .setCentreId(CENTRE).setAccountId(beneficiaryAccountId).addConsultantIds(consultantId).build();
        FakeBeneficiaryService.register(beneficiary);
        return SessionServiceTestSupport.openBilan(consultantId, beneficiary).getId();
    }


    @Autowired
    private AssessmentRepository assessments;

    /** The bilan is in session-service's own store, led by the consultant who opened it. */
    @Override
    protected void assertHeldHere(String id, String consultantId) {
        assertThat(assessments.find(id)).hasValueSatisfying(
                assessment -> assertThat(assessment.consultantId()).isEqualTo(consultantId));
    }
}
