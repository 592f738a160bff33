package fr.bilan.beneficiary.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import io.grpc.Status;

/**
 * A centre manager moves a bilan into the préliminaire, which session-service allows only with the
 * beneficiary's participation consent in force (L6313-1): it asks CheckConsent with the manager's
 * own token. The manager reaches the beneficiaries of their centres, and those only.
 */
class ConsentCheckByCentreManagerTest extends BeneficiaryServiceTestSupport {

    private static BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub as(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void aCentreManagerChecksTheConsentOfABeneficiaryOfTheirCentreOnly() {
        Beneficiary lea = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        var check = CheckConsentRequest.newBuilder().setBeneficiaryId(lea.getId()).setKind(ConsentKind.PARTICIPATION)
                .build();

        boolean before = as(manager()).checkConsent(check).getGranted();
        ConsentRecord granted = as(beneficiaryLogin(lea.getAccountId())).createConsentRecord(CreateConsentRecordRequest
                .newBuilder().setBeneficiaryId(lea.getId()).setConsentRecord(ConsentRecord.newBuilder()
                        .setKind(ConsentKind.PARTICIPATION).setDecision(ConsentDecision.GRANTED)
                        .setMethod(EvidenceMethod.IN_APP)).build()).getConsentRecord();
        var after = as(manager()).checkConsent(check);

        assertThat(before).isFalse();
        assertThat(after.getGranted()).isTrue();
        assertThat(after.getDecidingRecord()).isEqualTo(granted);
        assertThat(accessesTo("beneficiaries/" + lea.getId() + "/consentRecords")).contains("beneficiary.check-consent");
        assertThat(codeOf(() -> as(managerElsewhere()).checkConsent(check))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
