package fr.bilan.beneficiary.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.support.testing.ContentHolderContract;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/** beneficiary-service keeps the contract of a holder of content, as retention-service's stand-in for it does. */
@BeneficiaryServiceContext
class AgreementHolderContractTest extends ContentHolderContract {

    private final Map<String, String> agreementOfFunding = new ConcurrentHashMap<>();

    @Override
    protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider
                .token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A redeployment leave and its draft agreement. */
    @Override
    protected EraseAssessmentContentRequest contentHeld() {
        AgreementGrpcServiceTest.Case drafted = AgreementGrpcServiceTest.drafted();
        agreementOfFunding.put(drafted.funding().getId(), drafted.draft().getId());
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-of-" + drafted.funding().getId())
                .setFundingId(drafted.funding().getId()).build();
    }

    /** Whether a manager of its centre still reads the agreement. */
    @Override
    protected boolean stillHeld(EraseAssessmentContentRequest content) {
        String token = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        return codeOf(() -> AgreementServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS).getAgreement(GetAgreementRequest.newBuilder()
                        .setId(agreementOfFunding.get(content.getFundingId())).build())) == Status.Code.OK;
    }

    @Test
    void onlyThePlatformsOwnServicesMayAskForAnErasure() {
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        var asAPerson = DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(codeOf(() -> asAPerson.eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("any").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
