package fr.bilan.beneficiary.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.CreateAgreementRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.ErasureItem;
import fr.bilan.proto.beneficiary.v1.ErasureOutcome;
import fr.bilan.proto.beneficiary.v1.ExportPersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.PersonalDataExport;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;

/** Fundings and agreements in the beneficiary's rights: in their export, and kept as evidence on erasure. */
class PersonalDataOfFundingsTest extends BeneficiaryServiceTestSupport {

    @Autowired
    private MongoDatabase database;

    private static PersonalDataServiceGrpc.PersonalDataServiceBlockingStub privacy(String token) {
        return PersonalDataServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void theExportHoldsTheFundingAndItsAgreementAndErasureKeepsThemWithTheNames() {
        Beneficiary employee = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        Funding funding = AgreementGrpcServiceTest.leaveOf(employee);
        Agreement agreement = agreements(consultant()).createAgreement(CreateAgreementRequest.newBuilder()
                .setFundingId(funding.getId()).setAgreement(AgreementGrpcServiceTest.MENTIONS).build()).getAgreement();

        PersonalDataExport export = privacy(beneficiaryLogin(employee.getAccountId())).exportPersonalData(
                ExportPersonalDataRequest.newBuilder().setBeneficiaryId(employee.getId()).build()).getExport();

        assertThat(export.getFundingsList()).singleElement().satisfies(exported -> {
            assertThat(exported.getId()).isEqualTo(funding.getId());
            assertThat(exported.getAgreementId()).isEqualTo(agreement.getId());
        });
        assertThat(export.getAgreementsList()).extracting(Agreement::getId).containsExactly(agreement.getId());

        var report = privacy(manager()).erasePersonalData(ErasePersonalDataRequest.newBuilder()
                .setBeneficiaryId(employee.getId()).setRequestId("erase-with-funding").setValidateOnly(false).build())
                .getReport();

        assertThat(report.getItemsList()).extracting(ErasureItem::getCategory, ErasureItem::getOutcome).contains(
                tuple("identité (nom, prénom, situation professionnelle)", ErasureOutcome.KEPT),
                tuple("financements, dossiers CPF et conventions tripartites", ErasureOutcome.KEPT));
        var stored = database.getCollection("beneficiaries").find(Filters.eq("_id", employee.getId())).first();
        assertThat(stored.getString("familyName")).isEqualTo("Durand");
        assertThat(stored.keySet()).doesNotContain("email", "phone", "accountId");
    }
}
