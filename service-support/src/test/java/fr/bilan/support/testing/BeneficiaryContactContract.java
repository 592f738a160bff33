package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc.BeneficiaryContactServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * What notification-service counts on from beneficiary-service's {@code BeneficiaryContactService}
 * when it sends a message, whoever answers: the real service, or the stand-in of its tests. A
 * stand-in passes the same tests: a platform service reads a live beneficiary's centre, names,
 * address, login and consultants, each read recorded in their access register under its purpose;
 * an unknown or erased beneficiary is not found; a request without a beneficiary or a purpose is
 * refused naming the field; nobody but a platform service reads.
 */
public abstract class BeneficiaryContactContract extends GrpcServiceTestSupport {

    /** The centre of the beneficiaries made by {@link #newBeneficiary}. */
    protected static final String CENTRE = "centre-lyon";
    /** The names of the beneficiaries made by {@link #newBeneficiary}. */
    protected static final String GIVEN_NAME = "Élodie";
    protected static final String FAMILY_NAME = "Durand";

    /** The channel to the contact service under test. */
    protected abstract Channel contacts();

    /**
     * A new beneficiary of {@link #CENTRE}, {@link #GIVEN_NAME} {@link #FAMILY_NAME}, reached at
     * {@code email}, whose login is {@code accountId}, assigned to {@code consultantId}.
     *
     * @return their id
     */
    protected abstract String newBeneficiary(String email, String accountId, String consultantId) throws Exception;

    /** Erases the personal data of the beneficiary {@code id} (RGPD art. 17). */
    protected abstract void erase(String id) throws Exception;

    /**
     * Checks that the implementation under test recorded, in the access register of the beneficiary
     * {@code id}, exactly one read of their contact by the platform service, for {@code purpose}.
     */
    protected abstract void assertReadRecorded(String id, String purpose);

    private BeneficiaryContactServiceBlockingStub as(String token) {
        return BeneficiaryContactServiceGrpc.newBlockingStub(contacts()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private BeneficiaryContactServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static GetBeneficiaryContactRequest contactOf(String id, String purpose) {
        return GetBeneficiaryContactRequest.newBuilder().setBeneficiaryId(id).setPurpose(purpose).build();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A beneficiary of {@link #CENTRE} with an address, a login and a consultant of their own. */
    private String newBeneficiary() throws Exception {
        return newBeneficiary(newId("elodie") + "@example.fr", newId("beneficiary"), newId("consultant"));
    }

    @Test
    void theServiceUnderTestRecordsEachReadInTheAccessRegister() throws Exception {
        String id = newBeneficiary();

        platform().getBeneficiaryContact(contactOf(id, "convocation"));

        assertReadRecorded(id, "convocation");
    }

    @Test
    void aPlatformServiceReadsHowToReachThemAndWhoLooksAfterThem() throws Exception {
        String email = newId("elodie") + "@example.fr";
        String account = newId("beneficiary");
        String consultant = newId("consultant");
        String id = newBeneficiary(email, account, consultant);

        GetBeneficiaryContactResponse contact = platform().getBeneficiaryContact(contactOf(id, "session-reminder"));

        assertThat(contact.getCentreId()).isEqualTo(CENTRE);
        assertThat(contact.getGivenName()).isEqualTo(GIVEN_NAME);
        assertThat(contact.getFamilyName()).isEqualTo(FAMILY_NAME);
        assertThat(contact.getEmail()).isEqualTo(email);
        assertThat(contact.getAccountId()).isEqualTo(account);
        assertThat(contact.getConsultantIdsList()).containsExactly(consultant);
    }

    @Test
    void aBeneficiaryNobodyKnowsIsNotFound() {
        assertThat(codeOf(() -> platform().getBeneficiaryContact(contactOf(newId("nobody"), "convocation"))))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anErasedBeneficiaryIsNotFound() throws Exception {
        String id = newBeneficiary();
        platform().getBeneficiaryContact(contactOf(id, "convocation"));

        erase(id);

        assertThat(codeOf(() -> platform().getBeneficiaryContact(contactOf(id, "convocation"))))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aRequestWithoutBeneficiaryNorPurposeIsRefusedNamingBoth() {
        assertThat(FieldErrors.fieldsOf(() -> platform().getBeneficiaryContact(contactOf("", " "))))
                .containsExactlyInAnyOrder("beneficiary_id", "purpose");
    }

    /** A purpose is one word of the register: no space, no slash, no line break, not longer than an id. */
    @ParameterizedTest
    @ValueSource(strings = { "une convocation", "contact/convocation", "a\nb", "../x" })
    void aPurposeTheRegisterCannotKeepIsRefusedNamingIt(String purpose) throws Exception {
        String id = newBeneficiary();

        assertThat(FieldErrors.fieldsOf(() -> platform().getBeneficiaryContact(contactOf(id, purpose))))
                .containsExactly("purpose");
        assertThat(FieldErrors.fieldsOf(() -> platform().getBeneficiaryContact(contactOf(id, "x".repeat(65)))))
                .containsExactly("purpose");
    }

    @Test
    void nobodyButAPlatformServiceReads() throws Exception {
        String account = newId("beneficiary");
        String consultant = newId("consultant");
        String id = newBeneficiary(newId("elodie") + "@example.fr", account, consultant);

        List<String> people = List.of(
                TestIdentityProvider.token(account, "beneficiary"),
                TestIdentityProvider.token(consultant, List.of(CENTRE), "consultant"),
                TestIdentityProvider.token("manager-lyon", List.of(CENTRE), "centre-manager"),
                TestIdentityProvider.token("admin", "network-admin"),
                TestIdentityProvider.token("auditor-lyon", List.of(CENTRE), "auditor"));
        for (String token : people) {
            assertThat(codeOf(() -> as(token).getBeneficiaryContact(contactOf(id, "convocation"))))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> BeneficiaryContactServiceGrpc.newBlockingStub(contacts())
                .withDeadlineAfter(10, TimeUnit.SECONDS).getBeneficiaryContact(contactOf(id, "convocation"))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
}
