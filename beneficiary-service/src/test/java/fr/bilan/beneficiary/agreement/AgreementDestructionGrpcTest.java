package fr.bilan.beneficiary.agreement;

import static fr.bilan.beneficiary.StatusAssertions.refusal;
import static fr.bilan.beneficiary.StatusAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.ExportPersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;
import fr.bilan.proto.beneficiary.v1.SendAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SignAgreementRequest;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * beneficiary-service as the holder of the tripartite agreement of an action's funding:
 * retention-service's purge destroys it through {@code DocumentHolderService}, naming the funding,
 * three years after the end of the action (L6362-6), and reading it afterwards says so.
 */
class AgreementDestructionGrpcTest extends BeneficiaryServiceTestSupport {

    private static final String HASH = "ab".repeat(32);
    /** 2 April 2030, 10:00 in Paris. */
    private static final Instant THREE_YEARS_ON = Instant.parse("2030-04-02T08:00:00Z");
    private static final String DESTROYED = "La convention tripartite de ce financement a été détruite le 02/04/2030 : "
            + "la loi la fait conserver trois ans après la fin de l'action, pour les contrôles (Code du travail, art. "
            + "L6362-6), puis détruire.";

    @Autowired
    private MongoDatabase database;

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder(String token) {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub platform() {
        return holder(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static EraseAssessmentContentRequest erase(AgreementGrpcServiceTest.Case bilan) {
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-of-" + bilan.funding().getId())
                .setFundingId(bilan.funding().getId()).build();
    }

    private static Agreement sign(Agreement agreement, String token, AgreementParty party, EvidenceMethod method) {
        return agreements(token).signAgreement(SignAgreementRequest.newBuilder().setId(agreement.getId())
                .setSignature(AgreementSignature.newBuilder().setParty(party).setMethod(method)
                        .setEvidenceSha256(method == EvidenceMethod.IN_APP ? "" : HASH)).build()).getAgreement();
    }

    /** An agreement sent, signed by the employee, the centre and the employer: in force. */
    private static AgreementGrpcServiceTest.Case inForce() {
        AgreementGrpcServiceTest.Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement sent = agreements(consultant()).sendAgreement(SendAgreementRequest.newBuilder()
                .setId(bilan.draft().getId()).build()).getAgreement();
        Agreement signed = sign(sent, beneficiaryLogin(bilan.employee().getAccountId()), AgreementParty.EMPLOYEE,
                EvidenceMethod.IN_APP);
        signed = sign(signed, manager(), AgreementParty.PROVIDER, EvidenceMethod.E_SIGNATURE);
        sign(signed, consultant(), AgreementParty.EMPLOYER_PARTY, EvidenceMethod.SIGNED_FORM);
        return bilan;
    }

    private static GetAgreementRequest get(AgreementGrpcServiceTest.Case bilan) {
        return GetAgreementRequest.newBuilder().setId(bilan.draft().getId()).build();
    }

    @Test
    void threeYearsOnTheAgreementAndItsPdfAreRefusedSayingWhenAndWhy() {
        AgreementGrpcServiceTest.Case bilan = inForce();
        clock.set(THREE_YEARS_ON);

        EraseAssessmentContentResponse erased = platform().eraseAssessmentContent(erase(bilan));

        assertThat(erased.getErasedRecords()).isEqualTo(1);
        assertThat(erased.getKeyDestroyed()).isFalse();
        for (String reader : List.of(manager(), consultant(), beneficiaryLogin(bilan.employee().getAccountId()))) {
            assertThat(refusal(() -> agreements(reader).getAgreement(get(bilan)))).isEqualTo(DESTROYED);
            assertThat(refusal(() -> agreements(reader).getAgreementDocument(GetAgreementDocumentRequest.newBuilder()
                    .setId(bilan.draft().getId()).build()))).isEqualTo(DESTROYED);
        }
        assertThat(refusal(() -> sign(bilan.draft(), manager(), AgreementParty.PROVIDER, EvidenceMethod.E_SIGNATURE)))
                .isEqualTo(DESTROYED);
    }

    @Test
    void whatIsLeftIsAStubTheFundingStillReadsItsStateFrom() {
        AgreementGrpcServiceTest.Case bilan = inForce();
        clock.set(THREE_YEARS_ON);

        platform().eraseAssessmentContent(erase(bilan));

        var funding = fundings(manager()).getFunding(GetFundingRequest.newBuilder().setId(bilan.funding().getId())
                .build()).getFunding();
        assertThat(funding.getState()).isEqualTo(FundingState.CONFIRMED);
        assertThat(funding.getAgreementId()).isEqualTo(bilan.draft().getId());
        Document stored = database.getCollection("agreements").find(Filters.eq("_id", bilan.draft().getId())).first();
        assertThat(stored).doesNotContainKeys("mentions", "employer", "receiveDate", "employeeDeadlineDate", "refusal",
                "lapseTime");
        assertThat(stored.getList("signatures", Document.class)).isEmpty();
        assertThat(stored.toJson()).doesNotContain("ACME", "Dupuis", "73282932000074", "Bilan de compétences", HASH);
        Agreement exported = PersonalDataServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager()))
                .withDeadlineAfter(10, TimeUnit.SECONDS).exportPersonalData(ExportPersonalDataRequest.newBuilder()
                        .setBeneficiaryId(bilan.employee().getId()).build()).getExport().getAgreements(0);
        assertThat(exported).isEqualTo(Agreement.newBuilder().setId(bilan.draft().getId())
                .setFundingId(bilan.funding().getId()).setBeneficiaryId(bilan.employee().getId())
                .setState(AgreementState.IN_FORCE).setCentreId(CENTRE).setCreateTime(exported.getCreateTime())
                .setUpdateTime(exported.getUpdateTime()).setDestroyTime(ProtoTime.of(THREE_YEARS_ON))
                .setEtag(exported.getEtag()).build());
    }

    @Test
    void erasingAgainErasesNothing() {
        AgreementGrpcServiceTest.Case bilan = inForce();
        clock.set(THREE_YEARS_ON);
        platform().eraseAssessmentContent(erase(bilan));
        Document first = database.getCollection("agreements").find(Filters.eq("_id", bilan.draft().getId())).first();
        clock.set(THREE_YEARS_ON.plusSeconds(86_400));

        assertThat(platform().eraseAssessmentContent(erase(bilan)).getErasedRecords()).isZero();
        assertThat(database.getCollection("agreements").find(Filters.eq("_id", bilan.draft().getId())).first())
                .isEqualTo(first);
    }

    @Test
    void withoutAFundingNothingIsErased() {
        AgreementGrpcServiceTest.Case bilan = inForce();

        EraseAssessmentContentResponse none = platform().eraseAssessmentContent(erase(bilan).toBuilder()
                .clearFundingId().build());

        assertThat(none.getErasedRecords()).isZero();
        assertThat(agreements(manager()).getAgreement(get(bilan)).getAgreement().getState())
                .isEqualTo(AgreementState.IN_FORCE);
    }

    @Test
    void onlyAPlatformServiceErases() {
        AgreementGrpcServiceTest.Case bilan = inForce();

        for (String token : List.of(manager(), consultant(), beneficiaryLogin(bilan.employee().getAccountId()),
                TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"),
                TestIdentityProvider.token("admin-1", "network-admin"))) {
            assertThat(codeOf(() -> holder(token).eraseAssessmentContent(erase(bilan))))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> DocumentHolderServiceGrpc.newBlockingStub(channel())
                .withDeadlineAfter(10, TimeUnit.SECONDS).eraseAssessmentContent(erase(bilan))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(agreements(manager()).getAgreement(get(bilan)).getAgreement().hasDestroyTime()).isFalse();
    }

    @Test
    void aFundingIdLongerThanAnyIsRefusedNamingTheField() {
        var refused = violations(() -> platform().eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-1").setFundingId("f".repeat(65))
                        .build()));

        assertThat(refused).containsOnlyKeys("funding_id");
    }
}
