package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc.AssessmentServiceBlockingStub;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * What synthesis-service counts on from session-service's {@code AssessmentService}, whoever
 * answers: the real service, or the stand-in of synthesis-service's tests. A stand-in passes the
 * same tests: a bilan is read (with its sessions) by its consultant, its centre's managers and its
 * beneficiary's own login, by nobody else; a hand-over is taken once.
 */
public abstract class AssessmentReadContract extends GrpcServiceTestSupport {

    /** The centre of the bilans made by {@link #newBilan}. */
    protected static final String CENTRE = "centre-lyon";

    /**
     * A new bilan of {@link #CENTRE}, followed by {@code consultantId}, of a beneficiary whose login is
     * {@code beneficiaryAccountId}.
     *
     * @return its id
     */
    protected abstract String newBilan(String consultantId, String beneficiaryAccountId) throws Exception;

    /** Checks that the implementation under test holds the bilan {@code id}, led by {@code consultantId}. */
    protected abstract void assertHeldHere(String id, String consultantId);

    @Test
    void theServiceUnderTestHoldsWhatItServes() throws Exception {
        String consultant = UUID.randomUUID().toString();
        String id = newBilan(consultant, UUID.randomUUID().toString());

        assertHeldHere(id, consultant);
    }

    private static AssessmentServiceBlockingStub as(String token) {
        return AssessmentServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Status.Code reading(String token, String bilanId) {
        Status.Code get = codeOf(() -> as(token).getAssessment(GetAssessmentRequest.newBuilder().setId(bilanId).build()));
        Status.Code sessions = codeOf(() -> as(token).listSessions(ListSessionsRequest.newBuilder()
                .setAssessmentId(bilanId).build()));
        assertThat(sessions).as("ListSessions as GetAssessment").isEqualTo(get);
        return get;
    }

    private static String consultant(String id, String centre) {
        return TestIdentityProvider.token(id, List.of(centre), "consultant");
    }

    private static String manager(String centre) {
        return TestIdentityProvider.token("manager-" + centre, List.of(centre), "centre-manager");
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void itsConsultantItsCentresManagersAndItsBeneficiaryReadIt() throws Exception {
        String consultantId = newId("consultant");
        String account = newId("account");
        String bilanId = newBilan(consultantId, account);

        Assessment read = as(consultant(consultantId, CENTRE)).getAssessment(GetAssessmentRequest.newBuilder()
                .setId(bilanId).build()).getAssessment();

        assertThat(read.getId()).isEqualTo(bilanId);
        assertThat(read.getCentreId()).isEqualTo(CENTRE);
        assertThat(read.getConsultantId()).isEqualTo(consultantId);
        assertThat(reading(consultant(consultantId, CENTRE), bilanId)).isEqualTo(Status.Code.OK);
        assertThat(reading(manager(CENTRE), bilanId)).isEqualTo(Status.Code.OK);
        assertThat(reading(TestIdentityProvider.token(account, "beneficiary"), bilanId)).isEqualTo(Status.Code.OK);
    }

    @Test
    void nobodyElseReadsIt() throws Exception {
        String consultantId = newId("consultant");
        String account = newId("account");
        String bilanId = newBilan(consultantId, account);

        assertThat(reading(consultant(newId("consultant"), CENTRE), bilanId)).as("another consultant of the centre")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(consultant(consultantId, "centre-reunion"), bilanId)).as("its consultant, outside its centre")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(manager("centre-reunion"), bilanId)).as("another centre's manager")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"), bilanId))
                .as("an auditor of the centre").isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(TestIdentityProvider.token(newId("account"), "beneficiary"), bilanId))
                .as("another beneficiary").isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reading(TestIdentityProvider.token(account, List.of(CENTRE), "consultant"), bilanId))
                .as("its beneficiary's login without the beneficiary role").isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aBilanNobodyKnowsIsNotFound() {
        assertThat(reading(manager(CENTRE), newId("bilan"))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void takesAHandOverOnce() throws Exception {
        String bilanId = newBilan(newId("consultant"), newId("account"));
        var handover = RecordSynthesisHandoverRequest.newBuilder().setAssessmentId(bilanId)
                .setHandoverTime(ProtoTime.of(Instant.parse("2026-11-20T10:00:00Z"))).build();
        var platform = fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                        TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(platform.recordSynthesisHandover(handover).getFirstReport()).isTrue();
        assertThat(platform.recordSynthesisHandover(handover).getFirstReport()).isFalse();
    }
}
