package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;

/**
 * notification-service's stand-in for beneficiary-service's contact read keeps the contract the real
 * one keeps (beneficiary-service runs it too): the fake's record of the call is its access register.
 */
class FakeBeneficiaryContactsContractTest extends BeneficiaryContactContract {

    private static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", CONTACTS.port)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @Override
    protected Channel contacts() {
        return CHANNEL;
    }

    @Override
    protected String newBeneficiary(String email, String accountId, String consultantId) {
        String id = UUID.randomUUID().toString();
        CONTACTS.put(id, CENTRE, GIVEN_NAME, FAMILY_NAME, email, accountId, consultantId);
        return id;
    }

    @Override
    protected void erase(String id) {
        CONTACTS.remove(id);
    }

    /** The fake answered one read of this beneficiary's contact, for {@code purpose}. */
    @Override
    protected void assertReadRecorded(String id, String purpose) {
        assertThat(CONTACTS.callsFor(id)).singleElement()
                .satisfies(call -> assertThat(call.purpose()).isEqualTo(purpose))
                .satisfies(call -> assertThat(call.answer()).isEqualTo(Status.Code.OK));
    }
}
