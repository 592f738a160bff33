package fr.bilan.beneficiary.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;


import com.google.protobuf.Timestamp;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.BeneficiaryStatisticsServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CentreBeneficiaryStatistics;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EmploymentStatusCount;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryStatisticsRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryStatisticsResponse;
import fr.bilan.support.testing.StandardGrpcServicesContract;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

@BeneficiaryServiceContext
class StatisticsGrpcServiceTest extends StandardGrpcServicesContract {

    // centres of this test alone, so other tests' beneficiaries do not count
    private final String lyon = "centre-" + UUID.randomUUID();
    private final String paris = "centre-" + UUID.randomUUID();

    private static BeneficiaryStatisticsServiceGrpc.BeneficiaryStatisticsServiceBlockingStub as(String token) {
        return BeneficiaryStatisticsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String networkAdmin() {
        return TestIdentityProvider.token("netadmin-1", List.of(), "network-admin");
    }

    private static String managerOf(String centre) {
        return TestIdentityProvider.token("manager-" + centre, List.of(centre), "centre-manager");
    }

    private static void register(String centre, EmploymentStatus status) {
        String consultant = TestIdentityProvider.token("consultant-" + centre, List.of(centre), "consultant");
        BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant))
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(centre).setGivenName("Anne").setFamilyName("Lefèvre")
                        .setEmail(UUID.randomUUID() + "@example.fr").setEmploymentStatus(status)).build());
    }

    private void registerFour() {
        register(lyon, EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        register(lyon, EmploymentStatus.JOB_SEEKER);
        register(lyon, EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        register(paris, EmploymentStatus.PUBLIC_SECTOR_AGENT);
    }

    private static EmploymentStatusCount count(EmploymentStatus status, long count) {
        return EmploymentStatusCount.newBuilder().setEmploymentStatus(status).setCount(count).build();
    }

    private static CentreBeneficiaryStatistics centreIn(GetBeneficiaryStatisticsResponse answer, String centre) {
        return answer.getCentresList().stream().filter(c -> c.getCentreId().equals(centre)).findFirst().orElseThrow();
    }

    @Test
    void theNetworkAdminCountsEachCentreByEmploymentStatus() {
        registerFour();

        var lyonOnly = as(networkAdmin()).getBeneficiaryStatistics(
                GetBeneficiaryStatisticsRequest.newBuilder().setCentreId(lyon).build());
        var everyCentre = as(networkAdmin()).getBeneficiaryStatistics(GetBeneficiaryStatisticsRequest.getDefaultInstance());

        assertThat(lyonOnly.getBeneficiaryCount()).isEqualTo(3);
        assertThat(lyonOnly.getCentresList()).singleElement().satisfies(centre -> {
            assertThat(centre.getCentreId()).isEqualTo(lyon);
            assertThat(centre.getBeneficiaryCount()).isEqualTo(3);
            assertThat(centre.getEmploymentStatusCountsList()).containsExactlyInAnyOrder(
                    count(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, 2), count(EmploymentStatus.JOB_SEEKER, 1));
        });
        assertThat(centreIn(everyCentre, lyon)).isEqualTo(lyonOnly.getCentres(0));
        assertThat(centreIn(everyCentre, paris).getEmploymentStatusCountsList())
                .containsExactly(count(EmploymentStatus.PUBLIC_SECTOR_AGENT, 1));
        assertThat(everyCentre.getBeneficiaryCount())
                .isEqualTo(everyCentre.getCentresList().stream().mapToLong(CentreBeneficiaryStatistics::getBeneficiaryCount).sum());
    }

    @Test
    void aCentreManagerSeesTheFiguresOfTheirCentresOnly() {
        registerFour();

        var own = as(managerOf(lyon)).getBeneficiaryStatistics(GetBeneficiaryStatisticsRequest.getDefaultInstance());

        assertThat(own.getCentresList()).extracting(CentreBeneficiaryStatistics::getCentreId).containsExactly(lyon);
        assertThat(own.getBeneficiaryCount()).isEqualTo(3);
        assertThat(codeOf(() -> as(managerOf(lyon)).getBeneficiaryStatistics(
                GetBeneficiaryStatisticsRequest.newBuilder().setCentreId(paris).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void consultantsAndBeneficiariesGetNoFigures() {
        String consultant = TestIdentityProvider.token("consultant-x", List.of(lyon), "consultant");
        String beneficiary = TestIdentityProvider.token("beneficiary-x", List.of(), "beneficiary");

        assertThat(codeOf(() -> as(consultant).getBeneficiaryStatistics(GetBeneficiaryStatisticsRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(beneficiary).getBeneficiaryStatistics(GetBeneficiaryStatisticsRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void countsOnlyTheRegistrationsOfThePeriod() {
        registerFour();
        Instant now = Instant.now();
        var since = GetBeneficiaryStatisticsRequest.newBuilder().setCentreId(lyon);

        var lastHour = as(networkAdmin()).getBeneficiaryStatistics(since.setStartTime(ProtoTime.of(now.minusSeconds(3600)))
                .setEndTime(ProtoTime.of(now.plusSeconds(60))).build());
        var tomorrow = as(networkAdmin()).getBeneficiaryStatistics(since.setStartTime(ProtoTime.of(now.plusSeconds(86_400)))
                .clearEndTime().build());
        var backwards = since.setStartTime(ProtoTime.of(now)).setEndTime(ProtoTime.of(now.minusSeconds(1))).build();

        assertThat(lastHour.getBeneficiaryCount()).isEqualTo(3);
        assertThat(tomorrow.getBeneficiaryCount()).isZero();
        assertThat(tomorrow.getCentresList()).isEmpty();
        assertThat(codeOf(() -> as(networkAdmin()).getBeneficiaryStatistics(backwards)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        var pastYear9999 = GetBeneficiaryStatisticsRequest.newBuilder()
                .setStartTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE / 2)).build();
        assertThat(codeOf(() -> as(networkAdmin()).getBeneficiaryStatistics(pastYear9999)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
