package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.beneficiary.BeneficiaryApplication;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.support.testing.StandardGrpcServicesContract;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

@SpringBootTest(classes = BeneficiaryApplication.class)
class BeneficiaryGrpcServiceTest extends StandardGrpcServicesContract {

    private static final Beneficiary ELODIE = Beneficiary.newBuilder()
            .setCentreId("centre-lyon").setGivenName("Élodie").setFamilyName("Durand")
            .setEmail("elodie.durand@example.fr").build();

    private static BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub as(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", "consultant");
    }

    @Test
    void createsThenReadsTheSameBeneficiary() {
        Beneficiary created = as(consultant()).createBeneficiary(
                CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE).build()).getBeneficiary();

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getCreateTime().getSeconds()).isPositive();
        assertThat(created.toBuilder().clearId().clearCreateTime().build()).isEqualTo(ELODIE);
        assertThat(as(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(created.getId()).build())
                .getBeneficiary()).isEqualTo(created);
    }

    @Test
    void aRetriedCreateReturnsTheFirstResultInsteadOfADuplicate() {
        var request = CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE).setRequestId("req-42").build();

        Beneficiary first = as(consultant()).createBeneficiary(request).getBeneficiary();
        Beneficiary retry = as(consultant()).createBeneficiary(request).getBeneficiary();
        Beneficiary otherCaller = as(TestIdentityProvider.token("consultant-2", "consultant"))
                .createBeneficiary(request).getBeneficiary();

        assertThat(retry).isEqualTo(first);
        assertThat(otherCaller.getId()).isNotEqualTo(first.getId());
    }

    @Test
    void refusesAnInvalidBeneficiaryWithFieldViolations() {
        var request = CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(ELODIE.toBuilder().setEmail("nope").clearGivenName()).build();

        assertThatThrownBy(() -> as(consultant()).createBeneficiary(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getTrailers().keys()).contains("grpc-status-details-bin");
                });
    }

    @Test
    void answersNotFoundForAnUnknownId() {
        assertThatThrownBy(() -> as(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("nobody").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("nobody");
                });
    }

    @Test
    void refusesARoleTheContractDoesNotName() {
        var auditor = as(TestIdentityProvider.token("auditor-1", "auditor"));
        var beneficiary = as(TestIdentityProvider.token("beneficiary-1", "beneficiary"));
        var request = CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE).build();

        for (var call : new Runnable[] {
                () -> auditor.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("x").build()),
                () -> beneficiary.createBeneficiary(request),
                () -> as(TestIdentityProvider.token("nobody")).createBeneficiary(request)}) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @Test
    void refusesABeneficiaryCallWithoutAToken() {
        var stub = BeneficiaryServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> stub.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
