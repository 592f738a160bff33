package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import io.grpc.Status;

/**
 * What session- and synthesis-service count on from beneficiary-service's {@code BeneficiaryService}
 * when they read a beneficiary as their caller, whoever answers: the real service, or the stand-in
 * of their tests. A stand-in passes the same tests: a beneficiary (and whether their consents hold)
 * is read by their own login, their centre's managers and the consultants assigned to them, by
 * nobody else.
 */
public abstract class BeneficiaryReadContract extends GrpcServiceTestSupport {

    /** The centre of the beneficiaries made by {@link #newBeneficiary}. */
    protected static final String CENTRE = "centre-lyon";

    /**
     * A new beneficiary of {@link #CENTRE} whose login is {@code accountId}, assigned to
     * {@code consultantId}, no consent recorded.
     *
     * @return their id
     */
    protected abstract String newBeneficiary(String accountId, String consultantId) throws Exception;

    /** Checks that the implementation under test holds the beneficiary {@code id}, with its login {@code accountId}. */
    protected abstract void assertHeldHere(String id, String accountId);

    @Test
    void theServiceUnderTestHoldsWhatItServes() throws Exception {
        String account = UUID.randomUUID().toString();
        String id = newBeneficiary(account, UUID.randomUUID().toString());

        assertHeldHere(id, account);
    }

    private static BeneficiaryServiceBlockingStub as(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** The answer to a read and to a consent check of {@code beneficiaryId} as {@code token}: the same one. */
    private static Status.Code reading(String token, String beneficiaryId) {
        Status.Code read = codeOf(() -> as(token).getBeneficiary(GetBeneficiaryRequest.newBuilder()
                .setId(beneficiaryId).build()));
        Status.Code check = codeOf(() -> assertThat(as(token).checkConsent(CheckConsentRequest.newBuilder()
                .setBeneficiaryId(beneficiaryId).setKind(ConsentKind.PARTICIPATION).build()).getGranted()).isFalse());
        assertThat(check).as("CheckConsent as GetBeneficiary").isEqualTo(read);
        return read;
    }

    private static String staff(String subject, String centre, String role) {
        return TestIdentityProvider.token(subject, List.of(centre), role);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void theirLoginTheirCentresManagersAndTheirConsultantReadThem() throws Exception {
        String account = newId("beneficiary");
        String consultant = newId("consultant");
        String id = newBeneficiary(account, consultant);

        assertThat(as(staff(consultant, CENTRE, "consultant")).getBeneficiary(GetBeneficiaryRequest.newBuilder()
                .setId(id).build()).getBeneficiary().getCentreId()).isEqualTo(CENTRE);
        assertThat(reading(TestIdentityProvider.token(account, "beneficiary"), id)).isEqualTo(Status.Code.OK);
        assertThat(reading(staff("manager-lyon", CENTRE, "centre-manager"), id)).isEqualTo(Status.Code.OK);
        assertThat(reading(staff(consultant, CENTRE, "consultant"), id)).isEqualTo(Status.Code.OK);
    }

    @Test
    void nobodyElseReadsThem() throws Exception {
        String account = newId("beneficiary");
        String consultant = newId("consultant");
        String id = newBeneficiary(account, consultant);

        assertThat(reading(staff(newId("consultant"), CENTRE, "consultant"), id)).as("a consultant not assigned")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(staff(consultant, "centre-paris", "consultant"), id)).as("their consultant, elsewhere")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(staff("manager-paris", "centre-paris", "centre-manager"), id)).as("another centre's manager")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(TestIdentityProvider.token(newId("beneficiary"), "beneficiary"), id))
                .as("another beneficiary").isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aBeneficiaryNobodyKnowsIsNotFound() {
        assertThat(reading(staff("manager-lyon", CENTRE, "centre-manager"), newId("nobody")))
                .isEqualTo(Status.Code.NOT_FOUND);
    }
}
