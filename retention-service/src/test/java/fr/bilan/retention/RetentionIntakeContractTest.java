package fr.bilan.retention;

import org.springframework.boot.test.context.SpringBootTest;

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
}
