package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.retention.consent.ConsentChanges;
import fr.bilan.support.testing.FakeRetention;
import fr.bilan.support.testing.RetentionIntakeContract;
import io.grpc.Channel;

/** retention-service keeps the contract of its intake, as the relays' stand-in ({@link FakeRetention}) does. */
@SpringBootTest(classes = RetentionApplication.class)
class RetentionIntakeContractTest extends RetentionIntakeContract {

    @Override
    protected Channel retention() {
        return channel();
    }


    @Autowired
    private ConsentChanges consentChanges;

    /** The change is in retention-service's own ledger of the beneficiary. */
    @Override
    protected void assertKeptHere(String eventId, String beneficiaryId) {
        assertThat(consentChanges.latestSequence(beneficiaryId)).isEqualTo(1);
    }
}
